"""The optimizer-paths widget: the surfaces' gradients, the paths against torch.optim and closed forms,
and the widget's controls driven in Python."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from dlcourse.scratch.surfaces import OPTIMIZERS, SURFACES, make_optimizer, optimizer_path
from dlcourse.widgets.optimizer_paths import optimizer_paths_explorer, run_paths, status_text

TORCH = {
    "sgd": (torch.optim.SGD, {}),
    "momentum": (torch.optim.SGD, {"momentum": 0.8}),
    "nesterov": (torch.optim.SGD, {"momentum": 0.8, "nesterov": True}),
    "adagrad": (torch.optim.Adagrad, {}),
    "rmsprop": (torch.optim.RMSprop, {"alpha": 0.95}),
    "adam": (torch.optim.Adam, {"betas": (0.85, 0.95)}),
}


@pytest.mark.parametrize("name", SURFACES)
def test_gradients_match_autograd_and_minimum_is_zero(name):
    surface = SURFACES[name]
    rng = np.random.default_rng(0)
    for point in rng.uniform([-2, -1], [2, 3], size=(5, 2)):
        w = torch.tensor(point, requires_grad=True)
        surface.loss(w[0], w[1]).backward()
        np.testing.assert_allclose(surface.gradient(point), w.grad.numpy(), rtol=1e-10, atol=1e-12)
    for minimizer in surface.minimizers:
        assert surface.loss(*minimizer) == pytest.approx(surface.minimum, abs=1e-12)
        np.testing.assert_allclose(surface.gradient(minimizer), 0.0, atol=1e-12)
    X, Y = np.meshgrid(np.linspace(-2, 2, 41), np.linspace(-1, 3, 41))
    assert np.all(surface.loss(X, Y) >= surface.minimum - 1e-12)


@pytest.mark.parametrize("name", OPTIMIZERS)
@pytest.mark.parametrize("surface", ["ill-conditioned quadratic", "rosenbrock", "saddle"])
def test_paths_match_torch_optim_step_for_step(name, surface):
    lr = {"rosenbrock": 1e-3, "saddle": 0.05, "ill-conditioned quadratic": 0.02}[surface]
    path = optimizer_path(surface, name, (-1.2, 2.1), 40, lr, momentum=0.8, betas=(0.85, 0.95))
    torch_class, options = TORCH[name]
    w = torch.tensor([-1.2, 2.1], dtype=torch.float64, requires_grad=True)
    optimizer = torch_class([w], lr=lr, **options)
    expected = [w.detach().numpy().copy()]
    for _ in range(40):
        optimizer.zero_grad()
        SURFACES[surface].loss(w[0], w[1]).backward()
        optimizer.step()
        expected.append(w.detach().numpy().copy())
    np.testing.assert_allclose(path.points, np.array(expected), rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(path.losses, SURFACES[surface].loss(path.points[:, 0], path.points[:, 1]))


def test_sgd_on_the_quadratic_follows_its_closed_form():
    # f = (x^2 + 25 (y - 1)^2) / 2: x_t = (1 - lr)^t x_0, y_t - 1 = (1 - 25 lr)^t (y_0 - 1).
    path = optimizer_path("ill-conditioned quadratic", "sgd", (-1.5, 2.5), 30, 0.07)
    t = np.arange(31)
    np.testing.assert_allclose(path.points[:, 0], -1.5 * 0.93**t, rtol=1e-12)
    np.testing.assert_allclose(path.points[:, 1] - 1, 1.5 * (1 - 25 * 0.07) ** t, rtol=1e-10, atol=1e-14)


def test_divergence_stops_the_path_and_is_reported():
    path = optimizer_path("ill-conditioned quadratic", "sgd", (-1.5, 2.5), 200, 0.5)  # 1 - 25 lr = -11.5
    assert path.diverged and np.isnan(path.points[-1]).all() and np.isfinite(path.points[0]).all()
    assert "diverged after" in status_text({"sgd": path}, 0.0)


def test_a_start_on_the_saddle_ridge_stays_there_without_noise_and_leaves_with_it():
    quiet = optimizer_path("saddle", "momentum", (1.0, 1.0), 100, 0.05)
    assert np.allclose(quiet.points[:, 1], 1.0) and np.abs(quiet.points[-1, 0]) < 1e-2   # stuck at the saddle (0, 1)
    from dlcourse.scratch.surfaces import Surface
    noisy = Surface("noisy saddle", SURFACES["saddle"].loss, SURFACES["saddle"].gradient, 0.0,
                    SURFACES["saddle"].minimizers, noise_std=0.1)
    escaped = optimizer_path(noisy, "momentum", (1.0, 1.0), 300, 0.05, seed=1)
    assert abs(abs(escaped.points[-1, 1] - 1.0) - 1.0) < 0.2   # near one of the minima y = 0 or y = 2


def test_the_noisy_quadratic_is_reproducible_and_noisy():
    first = optimizer_path("noisy quadratic", "sgd", (-1.5, 2.5), 50, 0.05, seed=3)
    again = optimizer_path("noisy quadratic", "sgd", (-1.5, 2.5), 50, 0.05, seed=3)
    other = optimizer_path("noisy quadratic", "sgd", (-1.5, 2.5), 50, 0.05, seed=4)
    quiet = optimizer_path("ill-conditioned quadratic", "sgd", (-1.5, 2.5), 50, 0.05)
    np.testing.assert_array_equal(first.points, again.points)
    assert not np.allclose(first.points, other.points)
    assert np.isfinite(quiet.points).all()


def test_bad_input_is_named():
    with pytest.raises(ValueError, match="start must be a point of shape"):
        optimizer_path("saddle", "sgd", (1.0, 2.0, 3.0), 5, 0.1)
    with pytest.raises(ValueError, match="surface must be one of"):
        optimizer_path("bowl", "sgd", (1.0, 2.0), 5, 0.1)
    with pytest.raises(ValueError, match="name must be one of"):
        make_optimizer("lbfgs", [np.zeros(2)], 0.1)


def test_the_widget_draws_every_choice_and_redraws_in_place():
    explorer = optimizer_paths_explorer()
    path_ax, loss_ax = explorer.live_figure.axes
    figure = explorer.live_figure.figure
    picture = bytes(explorer.live_figure.image.value)

    def visible_paths():
        return {line.get_label() for line in path_ax.lines if line.get_visible() and line.get_label() in OPTIMIZERS.values()}

    assert visible_paths() == {OPTIMIZERS[n] for n in ("sgd", "momentum", "nesterov", "adam")}
    explorer.set(optimizers=("adam", "rmsprop"), lr=0.05, beta1=0.5, beta2=0.9, num_steps=25, start_x=1.0, start_y=0.0)
    assert visible_paths() == {"Adam", "RMSProp"}
    assert bytes(explorer.live_figure.image.value) != picture
    expected = run_paths("ill-conditioned quadratic", ["adam"], (1.0, 0.0), 25, 0.05, 0.9, (0.5, 0.9))["adam"]
    adam_line = next(line for line in path_ax.lines if line.get_label() == "Adam")
    np.testing.assert_allclose(adam_line.get_xdata(), expected.points[:, 0])
    np.testing.assert_allclose(adam_line.get_ydata(), expected.points[:, 1])
    loss_line = next(line for line in loss_ax.lines if line.get_label() == "Adam")
    np.testing.assert_allclose(loss_line.get_ydata(), np.maximum(expected.losses, 1e-12))
    assert "<b>Adam</b>: ends at" in explorer.status.value and "<b>RMSProp</b>: ends at" in explorer.status.value
    for name in ("adam", "rmsprop"):   # the text under the figure is the legend: each name in its line's colour
        colour = next(line for line in path_ax.lines if line.get_label() == OPTIMIZERS[name]).get_color()
        assert f'<span style="color:{colour}">&#9632;</span> <b>{OPTIMIZERS[name]}</b>' in explorer.status.value

    explorer.set(surface="rosenbrock", optimizers=("momentum",), lr=1e-3, momentum=0.5, num_steps=100)
    assert path_ax.get_title() == "paths on the rosenbrock"
    momentum_line = next(line for line in path_ax.lines if line.get_label() == OPTIMIZERS["momentum"])
    expected = optimizer_path("rosenbrock", "momentum", (1.0, 0.0), 100, 1e-3, momentum=0.5)
    np.testing.assert_allclose(momentum_line.get_xdata(), expected.points[:, 0])
    assert len(path_ax.collections) == 1 or all(c.axes is path_ax for c in path_ax.collections)

    explorer.set(surface="ill-conditioned quadratic", optimizers=("sgd",), lr=0.5)
    assert "diverged" in explorer.status.value
    explorer.set(optimizers=())
    assert explorer.status.value == "Choose at least one optimizer."
    assert explorer.live_figure.figure is figure           # the same figure throughout: redrawn, not re-created
    assert explorer.last_redraw_seconds < 2.0

"""The network playground of chapter 05: its data, training step and grids on their own (against
torch and an independent forward pass), then the widget driven through its controls and buttons."""

from __future__ import annotations

import re

import numpy as np
import pytest
import torch

from dlcourse.data.classification import make_circles, make_moons, make_spirals, make_xor
from dlcourse.plots.decision import grid_cell_centres
from dlcourse.scratch.mlp import MLP
from dlcourse.widgets.network_playground import (
    DATASETS,
    L2_CHOICES,
    STEP_SIZES,
    NetworkPlayground,
    PlaygroundRun,
    gradient_step,
    hidden_activations,
    hidden_unit_grid,
    playground_data,
    probability_grid,
    status_text,
)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
TORCH_ACTIVATIONS = {"tanh": torch.tanh, "relu": torch.relu, "logistic": torch.sigmoid,
                     "leaky_relu": lambda t: torch.nn.functional.leaky_relu(t, 0.01)}


def _torch_forward(model, X):
    """The network's hidden layers and logits, recomputed in torch from its weights."""
    phi = TORCH_ACTIVATIONS[model.activation]
    H = torch.tensor(np.asarray(X, dtype=float))
    hidden = []
    params = [(torch.tensor(W, requires_grad=True), torch.tensor(b, requires_grad=True))
              for W, b in zip(model.weights, model.biases)]
    for index, (W, b) in enumerate(params):
        H = H @ W + b
        if index < len(params) - 1:
            H = phi(H)
            hidden.append(H)
    return H, hidden, params


@pytest.mark.parametrize("dataset, make", [("moons", make_moons), ("circles", make_circles), ("xor", make_xor),
                                           ("spirals", make_spirals)])
def test_data_come_from_the_generators_and_are_cached(dataset, make):
    data = playground_data(dataset)
    assert data.X_train.shape == (200, 2) and data.X_val.shape == (200, 2)
    assert set(np.unique(data.y_train)) == {0, 1} and data.bounds == DATASETS[dataset]
    assert playground_data(dataset).X_train is data.X_train  # cached
    with pytest.raises(ValueError):
        data.X_train[0, 0] = 0.0
    kwargs = {"moons": dict(noise=0.15), "circles": dict(noise=0.08), "xor": dict(label_noise=0.05),
              "spirals": dict(n_arms=2, turns=0.75, noise=0.04)}[dataset]
    X, y = make(400, 0, **kwargs)
    np.testing.assert_array_equal(np.vstack([data.X_train, data.X_val]), X)
    np.testing.assert_array_equal(np.concatenate([data.y_train, data.y_val]), y)


@pytest.mark.parametrize("activation, l2", [("tanh", 0.0), ("relu", 0.01), ("logistic", 0.1), ("leaky_relu", 1e-3)])
def test_gradient_step_is_gradient_descent_on_the_penalized_cross_entropy(activation, l2):
    data = playground_data("moons")
    model = MLP([2, 5, 3, 2], activation, np.random.default_rng(1))
    logits, _, params = _torch_forward(model, data.X_train)
    loss = torch.nn.functional.cross_entropy(logits, torch.tensor(data.y_train))
    penalty = l2 / 2 * sum((W ** 2).sum() for W, _ in params)
    (loss + penalty).backward()
    expected = [(W - 0.3 * W.grad).detach().numpy() for W, _ in params], [(b - 0.3 * b.grad).detach().numpy() for _, b in params]
    returned = gradient_step(model, data.X_train, data.y_train, 0.3, l2)
    assert returned == pytest.approx(loss.item(), rel=1e-12)
    for mine, theirs in zip(model.weights + model.biases, expected[0] + expected[1]):
        np.testing.assert_allclose(mine, theirs, rtol=1e-10, atol=1e-12)


def test_grids_show_the_network_and_its_hidden_units():
    model = MLP([2, 4, 3, 2], "tanh", np.random.default_rng(2))
    bounds = DATASETS["circles"]
    points = grid_cell_centres(bounds, 30)
    logits, hidden, _ = _torch_forward(model, points)
    expected_probability = torch.softmax(logits, dim=1)[:, 1].detach().numpy().reshape(30, 30)
    np.testing.assert_allclose(probability_grid(model, bounds, 30), expected_probability, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(hidden_unit_grid(model, 2, 1, bounds, 30),
                               hidden[1][:, 1].detach().numpy().reshape(30, 30), rtol=1e-10, atol=1e-12)
    assert len(hidden_activations(model, points)) == 2
    assert hidden_activations(MLP([2, 2], "relu", 0), points) == []
    with pytest.raises(ValueError, match="layer"):
        hidden_unit_grid(model, 3, 0, bounds, 10)
    with pytest.raises(ValueError, match="unit"):
        hidden_unit_grid(model, 2, 3, bounds, 10)


def test_a_run_records_both_losses_and_learns():
    run = PlaygroundRun("circles", depth=1, width=4, activation="tanh", step_size=1.0, seed=0)
    first_train, first_val = run.train_losses[0], run.val_losses[0]
    run.train(200)
    assert run.steps == 200 and len(run.train_losses) == len(run.val_losses) == 201
    assert run.train_losses[-1] < 0.5 * first_train and run.val_losses[-1] < 0.5 * first_val
    train_accuracy, val_accuracy = run.accuracies()
    assert train_accuracy > 0.9 and val_accuracy > 0.9
    # The recorded validation loss is the cross-entropy of the current network on the validation points.
    logits, _, _ = _torch_forward(run.model, run.data.X_val)
    expected = torch.nn.functional.cross_entropy(logits, torch.tensor(run.data.y_val)).item()
    assert run.val_losses[-1] == pytest.approx(expected, rel=1e-10)
    assert f"step 200" in status_text(run) and f"{run.model.num_parameters} parameters" in status_text(run)


def _shown(playground):
    text = playground.status.value
    match = re.search(r"step (\d+) .*training loss (\d\.\d{3}).*validation loss (\d\.\d{3})", text)
    assert match, f"no step and losses under the figure: {text!r}"
    return int(match.group(1)), float(match.group(2)), float(match.group(3))


def test_the_train_button_runs_bounded_chunks_and_redraws_in_place():
    playground = NetworkPlayground(dataset="xor", depth=1, width=4, step_size=1.0, grid_size=30,
                                   steps_per_press=60, chunk_steps=20)
    image, figure = playground.live_figure.image, playground.live_figure.figure
    before = bytes(image.value)
    assert before.startswith(PNG_SIGNATURE) and _shown(playground)[0] == 0
    regions = playground.artists.regions.get_array().copy()
    progress_values = []
    playground.progress.observe(lambda change: progress_values.append(change["new"]), names="value")
    playground.train_button.click()
    assert progress_values == [0, 20, 40, 60] or progress_values == [20, 40, 60]
    assert playground.progress.value == playground.progress.max == 60
    assert not playground.train_button.disabled
    step, train_loss, _ = _shown(playground)
    assert step == 60 and train_loss == pytest.approx(playground.run.train_losses[-1], abs=6e-4)
    assert playground.live_figure.image is image and playground.live_figure.figure is figure
    assert bytes(image.value) != before
    assert not np.array_equal(playground.artists.regions.get_array(), regions)
    np.testing.assert_allclose(playground.artists.train_curve.get_ydata(), playground.run.train_losses)
    assert len(figure.axes) == 3
    playground.train_button.click()
    assert playground.run.steps == 120


def test_step_size_and_penalty_keep_the_network_but_architecture_starts_a_new_one():
    playground = NetworkPlayground(dataset="moons", grid_size=20, steps_per_press=10, chunk_steps=10)
    playground.train()
    run = playground.run
    playground.set(step_size=STEP_SIZES[0], l2=L2_CHOICES[2])
    assert playground.run is run and run.steps == 10
    assert (run.step_size, run.l2) == (STEP_SIZES[0], L2_CHOICES[2])
    for setting in (dict(depth=3), dict(width=2), dict(activation="relu"), dict(dataset="spirals")):
        playground.set(**setting)
        assert playground.run is not run and playground.run.steps == 0, setting
        run = playground.run
    assert playground.run.architecture == ("spirals", 3, 2, "relu")
    assert playground.artists.regions.get_extent() == list(DATASETS["spirals"])
    playground.reset_button.click()
    assert playground.run is not run


def test_the_hidden_unit_controls_follow_the_network():
    playground = NetworkPlayground(dataset="circles", depth=2, width=4, grid_size=25)
    playground.set(layer=2, unit=3)
    expected = hidden_unit_grid(playground.run.model, 2, 3, DATASETS["circles"], 25)
    np.testing.assert_allclose(playground.artists.unit_image.get_array(), expected)
    assert "hidden layer 2, unit 3" in playground.live_figure.axes[2].get_title()
    playground.set(depth=1, width=2)  # the shown unit no longer exists: the controls shrink to the network
    assert playground.controls["layer"].max == 1 and playground.controls["unit"].max == 1
    assert "hidden layer 1, unit 1" in playground.live_figure.axes[2].get_title()
    playground.set(depth=4, width=8, layer=4, unit=7)
    assert "hidden layer 4, unit 7" in playground.live_figure.axes[2].get_title()
    playground.set(depth=0)
    assert "no hidden layer" in playground.live_figure.axes[2].get_title()

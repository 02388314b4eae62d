"""The step-size explorer: its computation against closed forms, and the widget's displayed state."""

from __future__ import annotations

import numpy as np
import pytest

from dlcourse.plots.descent import plot_descent_on_curve
from dlcourse.widgets.step_size import VERDICTS, find_minimizer, judge_descent, run_descent, step_size_explorer

# f(w) = a (w - c)^2 / 2: gradient descent has the closed form w_t = c + (1 - alpha a)^t (w_0 - c).
A, C = 2.0, 1.0


def loss(w):
    return A * (w - C) ** 2 / 2


def gradient(w):
    return A * (w - C)


def closed_form(w0, alpha, steps):
    return C + (1 - alpha * A) ** np.arange(steps + 1) * (w0 - C)


def test_minimizer_of_a_quadratic():
    w_star, f_star = find_minimizer(loss, (-5, 5))
    assert w_star == pytest.approx(C, abs=1e-8) and f_star == pytest.approx(0, abs=1e-12)


@pytest.mark.parametrize("alpha, verdict", [
    (0.02, "too small"),      # 1 - alpha a = 0.96: creeps towards c from one side
    (0.5, "converged"),       # 1 - alpha a = 0: there in one step
    (0.9, "overshooting"),    # 1 - alpha a = -0.8: alternates sides, shrinking
    (1.1, "diverging"),       # 1 - alpha a = -1.2: alternates sides, growing
])
def test_runs_follow_the_closed_form_and_are_judged(alpha, verdict):
    run = run_descent(loss, gradient, -3.0, alpha, 10, find_minimizer(loss, (-5, 5)), tolerance=0.05)
    np.testing.assert_allclose(run.trajectory, closed_form(-3.0, alpha, 10), rtol=1e-12, atol=1e-9)
    np.testing.assert_allclose(run.losses, loss(run.trajectory))
    np.testing.assert_allclose(run.gradients, gradient(run.trajectory))
    assert run.verdict == verdict


def test_a_run_that_overflows_is_diverging_not_an_error():
    run = run_descent(lambda w: np.exp(w), lambda w: np.exp(w), 700.0, 10.0, 3, (0.0, 1.0), 0.01)
    assert run.verdict == "diverging"


def test_judge_descent_edge_cases():
    assert judge_descent([2.0, 2.0], minimizer=1.0, tolerance=0.01) == "too small"   # no movement
    assert judge_descent([1.0], minimizer=1.0, tolerance=0.01) == "converged"


def test_plot_descent_draws_the_run(tmp_path):
    from matplotlib.figure import Figure

    figure = Figure()
    ax, step_ax = figure.subplots(1, 2)
    trajectory = closed_form(-3.0, 0.2, 5)
    grid = np.linspace(-5, 5, 50)
    artists = plot_descent_on_curve(ax, grid, loss(grid), trajectory, loss(trajectory), step_ax=step_ax)
    np.testing.assert_allclose(artists.path.get_xdata(), trajectory)
    np.testing.assert_allclose(artists.path.get_ydata(), loss(trajectory))
    np.testing.assert_allclose(artists.iterates.get_xdata(), trajectory)
    assert np.all(np.asarray(artists.iterates.get_ydata()) == ax.get_ylim()[0])
    np.testing.assert_allclose(artists.per_step.get_ydata(), loss(trajectory))


def test_the_widget_shows_each_setting():
    explorer = step_size_explorer(loss, gradient, (-5, 5), start=-3.0, step_size=0.02, num_steps=10)
    assert "<b>too small</b>" in explorer.status.value
    picture = bytes(explorer.live_figure.image.value)
    for alpha, verdict in [(0.5, "converged"), (0.9, "overshooting"), (1.1, "diverging")]:
        explorer.set(step_size=alpha)
        assert f"<b>{verdict}</b>: {VERDICTS[verdict]}" in explorer.status.value
        assert bytes(explorer.live_figure.image.value) != picture
        picture = bytes(explorer.live_figure.image.value)
    explorer.set(step_size=0.2, num_steps=4, start=4.0)
    path = explorer.live_figure.axes[0].lines[1]  # the path of iterates
    np.testing.assert_allclose(path.get_xdata(), closed_form(4.0, 0.2, 4))
    assert f"w = {closed_form(4.0, 0.2, 4)[-1]:.4g}" in explorer.status.value
    assert explorer.last_redraw_seconds < 2.0

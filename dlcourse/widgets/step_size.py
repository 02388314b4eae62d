"""Step-size explorer: gradient descent on a loss of one parameter, live (the notes' Fig 1).

Choose the step size, the number of steps and the starting point; the figure shows the loss curve
with every iterate and its loss, and the loss after each step, and the text says how the run went:
too small a step crawls, a good one arrives, a large one jumps over the minimum, a larger one
flies off.

The computation (:func:`run_descent`, :func:`judge_descent`) and the drawing
(:mod:`dlcourse.plots.descent`) are plain functions; :func:`step_size_explorer` wires them to
controls.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np
from scipy.optimize import minimize_scalar

from dlcourse._validate import as_float_array
from dlcourse.plots.descent import plot_descent_on_curve, update_descent_on_curve
from dlcourse.scratch.optim import gradient_descent
from dlcourse.widgets.live_figure import Explorer, LiveFigure

__all__ = ["DescentRun", "find_minimizer", "judge_descent", "run_descent", "step_size_explorer", "VERDICTS"]

# What each verdict means for the step size, as the widget words it.
VERDICTS = {
    "diverging": "the iterates fly away from the minimum: the step size is far too large",
    "overshooting": "each step jumps over the minimum and back: the step size is on the large side",
    "converged": "arrived at the minimum: a good step size for this many steps",
    "too small": "still walking downhill: the step size is too small for this many steps",
}


@dataclass
class DescentRun:
    """One run of gradient descent on a loss of one parameter.

    Attributes:
        trajectory, losses, gradients: ``w_t``, ``loss(w_t)``, ``loss'(w_t)`` for t = 0..T, shape (T + 1,).
        minimizer, minimum: ``w*`` and ``loss(w*)``.
        verdict: one of :data:`VERDICTS`.
    """

    trajectory: np.ndarray
    losses: np.ndarray
    gradients: np.ndarray
    minimizer: float
    minimum: float
    verdict: str


def find_minimizer(loss: Callable[[float], float], bounds: tuple[float, float]) -> tuple[float, float]:
    """``(w*, loss(w*))`` for a loss of one parameter with a single minimum inside ``bounds``."""
    result = minimize_scalar(loss, bounds=bounds, method="bounded", options={"xatol": 1e-10})
    return float(result.x), float(result.fun)


def judge_descent(trajectory, minimizer: float, tolerance: float) -> str:
    """Say how a run went, from the distances ``d_t = w_t - w*`` of its iterates to the minimizer.

    - ``"diverging"``: an iterate is not finite, or the last one is further from ``w*`` than the start;
    - ``"converged"``: the last iterate is within ``tolerance`` of ``w*``;
    - ``"overshooting"``: not there yet, and some step jumped past ``w*`` (``d_t`` changed sign);
    - ``"too small"``: not there yet, every step on the same side of ``w*``.
    """
    trajectory = as_float_array(trajectory, "trajectory", ndim=1)
    distances = trajectory - minimizer
    if not np.all(np.isfinite(distances)) or abs(distances[-1]) > abs(distances[0]) + tolerance:
        return "diverging"
    if abs(distances[-1]) <= tolerance:
        return "converged"
    signs = np.sign(distances[np.abs(distances) > tolerance])
    if np.any(signs[1:] != signs[:-1]):
        return "overshooting"
    return "too small"


def run_descent(
    loss: Callable[[float], float],
    gradient: Callable[[float], float],
    w0: float,
    step_size: float,
    num_steps: int,
    minimizer: tuple[float, float],
    tolerance: float,
) -> DescentRun:
    """Run ``num_steps`` steps of gradient descent from ``w0`` and judge the run.

    Args:
        loss, gradient: the loss of one parameter and its derivative.
        minimizer: ``(w*, loss(w*))``, e.g. from :func:`find_minimizer`.
        tolerance: how close to ``w*`` counts as arrived.
    """
    with np.errstate(over="ignore", invalid="ignore"):  # a diverging run is a result, not an error
        trajectory = gradient_descent(gradient, float(w0), step_size, num_steps)
        losses = np.array([loss(w) if np.isfinite(w) else np.nan for w in trajectory])
        gradients = np.array([gradient(w) if np.isfinite(w) else np.nan for w in trajectory])
    verdict = judge_descent(trajectory, minimizer[0], tolerance)
    return DescentRun(trajectory, losses, gradients, minimizer[0], minimizer[1], verdict)


def _describe(run: DescentRun, w_range: tuple[float, float]) -> str:
    steps = run.trajectory.size - 1
    last = run.trajectory[-1]
    where = "" if w_range[0] <= last <= w_range[1] else " (outside the plot)"
    return (
        f"<b>{run.verdict}</b>: {VERDICTS[run.verdict]}.<br>"
        f"After {steps} step{'s' if steps != 1 else ''}: w = {last:.4g}{where}, loss = {run.losses[-1]:.4g}; "
        f"the minimum is at w* = {run.minimizer:.4g} with loss {run.minimum:.4g}."
    )


def step_size_explorer(
    loss: Callable[[float], float],
    gradient: Callable[[float], float],
    w_range: tuple[float, float],
    *,
    start: float,
    step_size: float = 0.5,
    num_steps: int = 10,
    step_size_range: tuple[float, float] = (1e-3, 10.0),
    max_steps: int = 50,
) -> Explorer:
    """A widget that runs gradient descent on ``loss`` for the chosen step size, number of steps
    and starting point, and redraws the figure in place.

    Args:
        loss, gradient: functions of one number ``w``.
        w_range: the range of ``w`` shown (and where the start may be chosen).
        start, step_size, num_steps: initial values of the controls.
        step_size_range: the step-size slider's range (logarithmic).
        max_steps: the largest number of steps offered.
    """
    w_grid = np.linspace(*w_range, 400)
    loss_grid = np.array([loss(w) for w in w_grid])
    minimizer = find_minimizer(loss, w_range)
    tolerance = 0.005 * (w_range[1] - w_range[0])

    live = LiveFigure(1, 2, figsize=(9, 3.4), width_ratios=(2, 1))
    curve_ax, step_ax = live.axes
    first = run_descent(loss, gradient, start, step_size, num_steps, minimizer, tolerance)
    artists = plot_descent_on_curve(curve_ax, w_grid, loss_grid, first.trajectory, first.losses, step_ax=step_ax)
    curve_ax.axvline(minimizer[0], color="k", linewidth=0.8, linestyle="--", label="minimum w*")
    curve_ax.legend(loc="upper center", fontsize=9)
    curve_ax.set_title("gradient descent on the loss curve")
    step_ax.set_title("loss after each step")

    def draw(live_figure: LiveFigure, step_size: float, num_steps: int, start: float) -> str:
        run = run_descent(loss, gradient, start, step_size, num_steps, minimizer, tolerance)
        update_descent_on_curve(artists, run.trajectory, run.losses)
        return _describe(run, w_range)

    low, high = np.log10(step_size_range[0]), np.log10(step_size_range[1])
    controls = {
        "step_size": widgets.FloatLogSlider(value=step_size, base=10, min=low, max=high, step=0.05,
                                            description="step size", readout_format=".3g"),
        "num_steps": widgets.IntSlider(value=num_steps, min=1, max=max_steps, description="steps"),
        "start": widgets.FloatSlider(value=start, min=w_range[0], max=w_range[1], step=(w_range[1] - w_range[0]) / 100,
                                     description="start w0"),
    }
    return Explorer(controls, draw, live)

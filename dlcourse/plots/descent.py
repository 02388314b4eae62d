"""Gradient descent on a loss of one parameter: the loss curve with the iterates marked on the
axis and joined to their losses (the notes' Fig 1), and the loss after each step."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from dlcourse._validate import as_float_array
from dlcourse.plots.style import COLORS

__all__ = ["DescentArtists", "plot_descent_on_curve", "update_descent_on_curve"]


@dataclass
class DescentArtists:
    """What :func:`plot_descent_on_curve` drew, for :func:`update_descent_on_curve`."""

    curve: Line2D          # the loss over the grid of parameters
    iterates: Line2D       # w_t marked on the parameter axis
    path: Line2D           # (w_t, loss(w_t)) joined in order
    start: Line2D          # (w_0, loss(w_0))
    per_step: Line2D | None  # loss(w_t) against t, on a second axes


def plot_descent_on_curve(
    ax: Axes,
    w_grid,
    loss_grid,
    trajectory,
    losses,
    step_ax: Axes | None = None,
) -> DescentArtists:
    """Draw the loss curve and the path of gradient descent over it.

    Args:
        ax: where to draw the curve and the path.
        w_grid, loss_grid: the loss evaluated on a grid of the parameter, shape (G,) each.
        trajectory: the iterates ``w_0 .. w_T``, shape (T + 1,).
        losses: ``loss(w_t)``, shape (T + 1,).
        step_ax: optional second axes for the loss after each step.

    Returns:
        The artists, which :func:`update_descent_on_curve` moves for a new run.
    """
    w_grid = as_float_array(w_grid, "w_grid", ndim=1)
    loss_grid = as_float_array(loss_grid, "loss_grid", shape=w_grid.shape)
    (curve,) = ax.plot(w_grid, loss_grid, color=COLORS[0], label="loss")
    (path,) = ax.plot([], [], linestyle=":", marker="o", markersize=4, color=COLORS[3], label="iterates and their loss")
    (iterates,) = ax.plot([], [], linestyle="none", marker="|", markersize=14, markeredgewidth=2, color=COLORS[3])
    (start,) = ax.plot([], [], linestyle="none", marker="o", markersize=8, markerfacecolor="none",
                       markeredgecolor="k", label="start")
    low, high = float(np.min(loss_grid)), float(np.max(loss_grid))
    ax.set(xlim=(w_grid[0], w_grid[-1]), ylim=(low - 0.08 * (high - low), high), xlabel="parameter w", ylabel="loss")
    per_step = None
    if step_ax is not None:
        (per_step,) = step_ax.plot([], [], marker="o", markersize=3, color=COLORS[3])
        step_ax.set(xlabel="step t", ylabel="loss after t steps", yscale="log")
    artists = DescentArtists(curve, iterates, path, start, per_step)
    update_descent_on_curve(artists, trajectory, losses)
    return artists


def update_descent_on_curve(artists: DescentArtists, trajectory, losses) -> None:
    """Move the drawn path to a new run (same grid): no new artists, so a widget redraws in place."""
    trajectory = as_float_array(trajectory, "trajectory", ndim=1)
    losses = as_float_array(losses, "losses", shape=trajectory.shape)
    ax = artists.curve.axes
    floor = ax.get_ylim()[0]
    artists.path.set_data(trajectory, losses)
    artists.iterates.set_data(trajectory, np.full(trajectory.shape, floor))
    artists.start.set_data(trajectory[:1], losses[:1])
    if artists.per_step is not None:
        steps = np.arange(trajectory.size)
        finite = np.isfinite(losses) & (losses > 0)
        artists.per_step.set_data(steps[finite], losses[finite])
        step_ax = artists.per_step.axes
        step_ax.set_xlim(0, max(1, trajectory.size - 1))
        if finite.any():
            step_ax.set_ylim(0.8 * losses[finite].min(), 1.25 * losses[finite].max())

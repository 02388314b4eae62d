"""Optimizer paths (chapter 08): several optimizers on one 2-D test surface, side by side.

Choose the surface (:data:`dlcourse.scratch.surfaces.SURFACES`), the optimizers to overlay, the step
size, the momentum, Adam's betas (``beta2`` is also RMSProp's decay), the number of steps and the
starting point. The left panel shows every optimizer's path over the loss's contours (a square marks
the start, stars the minima), the right one the loss minus its minimum after each step, on a log
scale; the text under the figure names every path in its colour (it is the legend) and says where
it ended or when it diverged.

The computation is :func:`dlcourse.scratch.surfaces.optimizer_path` (the package's optimizers,
tested against ``torch.optim``); the drawing is :func:`plot_paths` / :func:`update_paths`, plain
functions; :func:`optimizer_paths_explorer` wires them to controls and redraws in place.
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np
from matplotlib.axes import Axes
from matplotlib.ticker import LogLocator, MaxNLocator, NullLocator

from dlcourse.plots.style import COLORS
from dlcourse.scratch.surfaces import OPTIMIZERS, SURFACES, OptimizerPath, Surface, optimizer_path
from dlcourse.widgets.live_figure import Explorer, LiveFigure

__all__ = ["run_paths", "PathArtists", "plot_paths", "update_paths", "draw_contours", "status_text",
           "optimizer_paths_explorer"]

FLOOR = 1e-12  # the log panel shows loss - minimum, clipped below here
COLOR_OF = dict(zip(OPTIMIZERS, COLORS))  # one colour per optimizer, in the figure and the text under it


def run_paths(surface: str, optimizers, start, num_steps: int, lr: float, momentum: float = 0.9,
              betas: tuple[float, float] = (0.9, 0.999), seed: int = 0) -> dict[str, OptimizerPath]:
    """The path of every optimizer in ``optimizers`` (names of :data:`OPTIMIZERS`), same settings."""
    return {name: optimizer_path(surface, name, start, num_steps, lr, momentum, betas, seed) for name in optimizers}


def draw_contours(ax: Axes, surface: Surface, grid_size: int = 120):
    """Contours of ``log10(loss - minimum)`` (evenly spaced in orders of magnitude) and the minimizers."""
    x_min, x_max, y_min, y_max = surface.bounds
    X, Y = np.meshgrid(np.linspace(x_min, x_max, grid_size), np.linspace(y_min, y_max, grid_size))
    gap = np.log10(np.maximum(surface.loss(X, Y) - surface.minimum, 1e-4))
    contours = ax.contour(X, Y, gap, levels=12, colors="0.6", linewidths=0.6, negative_linestyles="solid")
    (marks,) = ax.plot(surface.minimizers[:, 0], surface.minimizers[:, 1], "k*", markersize=9, label="minimum")
    ax.set(xlim=(x_min, x_max), ylim=(y_min, y_max), xlabel="$x$", ylabel="$y$")
    return contours, marks


@dataclass
class PathArtists:
    """What :func:`update_paths` changes: one path line and one loss line per optimizer, the start."""

    paths: dict
    losses: dict
    start: object


def plot_paths(path_ax: Axes, loss_ax: Axes, max_steps: int) -> PathArtists:
    """Empty lines for every optimizer of :data:`OPTIMIZERS` (hidden until :func:`update_paths`)."""
    paths, losses = {}, {}
    for name, label in OPTIMIZERS.items():
        color = COLOR_OF[name]
        (paths[name],) = path_ax.plot([], [], "-o", color=color, markersize=2.5, linewidth=1.2, label=label)
        (losses[name],) = loss_ax.plot([], [], color=color, linewidth=1.4, label=label)
    (start,) = path_ax.plot([], [], "ks", markersize=6, label="start")
    loss_ax.set(yscale="log", xlim=(0, max_steps), ylim=(FLOOR, 1e4), xlabel="step $t$",
                ylabel="loss$(w_t)$ $-$ minimum")
    # Few ticks and no minor ones: tick labels are most of a redraw's rendering time.
    loss_ax.yaxis.set_major_locator(LogLocator(numticks=6))
    loss_ax.yaxis.set_minor_locator(NullLocator())
    loss_ax.xaxis.set_major_locator(MaxNLocator(5, integer=True))
    for axis in (path_ax.xaxis, path_ax.yaxis):
        axis.set_major_locator(MaxNLocator(5, steps=[1, 2, 5, 10]))
    return PathArtists(paths, losses, start)


def update_paths(artists: PathArtists, runs: dict[str, OptimizerPath], minimum: float, loss_ax: Axes | None = None) -> None:
    """Show the runs' paths and losses; optimizers not in ``runs`` are hidden."""
    for name, line in artists.paths.items():
        run = runs.get(name)
        line.set_visible(run is not None)
        artists.losses[name].set_visible(run is not None)
        if run is None:
            continue
        line.set_data(run.points[:, 0], run.points[:, 1])
        gap = np.maximum(run.losses - minimum, FLOOR)
        artists.losses[name].set_data(np.arange(len(gap)), gap)
    first = next(iter(runs.values()), None)
    if first is not None:
        artists.start.set_data([first.points[0, 0]], [first.points[0, 1]])
    if loss_ax is not None and runs:
        gaps = np.concatenate([np.maximum(r.losses - minimum, FLOOR) for r in runs.values()])
        gaps = gaps[np.isfinite(gaps)]
        top = max(float(gaps.max()) * 3, 1e-6) if gaps.size else 1e4
        loss_ax.set_ylim(max(min(float(gaps.min()) / 3, 1e-2), FLOOR) if gaps.size else FLOOR, top)
        loss_ax.set_xlim(0, max(len(r.losses) for r in runs.values()) - 1 or 1)


def status_text(runs: dict[str, OptimizerPath], minimum: float) -> str:
    """One line per optimizer, in its line's colour (the figure's legend): where it ended and its loss
    gap, or that it diverged."""
    if not runs:
        return "Choose at least one optimizer."
    lines = []
    for name, run in runs.items():
        key = f'<span style="color:{COLOR_OF[name]}">&#9632;</span> <b>{OPTIMIZERS[name]}</b>'
        if run.diverged:
            last = int(np.flatnonzero(np.all(np.isfinite(run.points), axis=1))[-1])
            lines.append(f"{key}: diverged after {last} steps (step size too large for it)")
        else:
            x, y = run.points[-1]
            lines.append(f"{key}: ends at ({x:.3f}, {y:.3f}), loss - minimum = {run.losses[-1] - minimum:.3g}")
    return "<br>".join(lines)


def optimizer_paths_explorer(surface: str = "ill-conditioned quadratic", optimizers=("sgd", "momentum", "nesterov", "adam"),
                             lr: float = 0.02, momentum: float = 0.9, beta1: float = 0.9, beta2: float = 0.999,
                             num_steps: int = 60, start=(-1.5, 2.5), max_steps: int = 300, seed: int = 0) -> Explorer:
    """The widget: controls for everything :func:`run_paths` takes, the figure redrawn in place.

    Args:
        surface, optimizers, lr, momentum, beta1, beta2, num_steps, start: the controls' first values.
        max_steps: the largest number of steps offered.
        seed: the noise stream of the noisy surface.
    """
    live = LiveFigure(1, 2, figsize=(9.5, 3.8), width_ratios=(1.1, 1))
    path_ax, loss_ax = live.axes
    shown = {"surface": None, "contours": None}
    artists = plot_paths(path_ax, loss_ax, max_steps)

    def show_surface(name: str) -> None:
        if shown["surface"] == name:
            return
        if shown["contours"] is not None:
            for artist in shown["contours"]:
                artist.remove()
        shown["contours"] = draw_contours(path_ax, SURFACES[name])
        shown["surface"] = name
        path_ax.set_title(f"paths on the {name}")

    show_surface(surface)
    # No legends (a tenth of a redraw): the text under the figure names every path in its colour.
    loss_ax.set_title("loss after each step (log scale)")

    def draw(live_figure: LiveFigure, surface: str, optimizers, lr: float, momentum: float, beta1: float,
             beta2: float, num_steps: int, start_x: float, start_y: float) -> str:
        show_surface(surface)
        runs = run_paths(surface, optimizers, (start_x, start_y), num_steps, lr, momentum, (beta1, beta2), seed)
        update_paths(artists, runs, SURFACES[surface].minimum, loss_ax)
        return status_text(runs, SURFACES[surface].minimum)

    x_min, x_max, y_min, y_max = SURFACES[surface].bounds
    slider = dict(style={"description_width": "initial"})
    controls = {
        "surface": widgets.Dropdown(options=list(SURFACES), value=surface, description="surface"),
        "optimizers": widgets.SelectMultiple(options=[(label, name) for name, label in OPTIMIZERS.items()],
                                             value=tuple(optimizers), rows=6, description="optimizers"),
        "lr": widgets.FloatLogSlider(value=lr, base=10, min=-4, max=0, step=0.05, description="step size",
                                     readout_format=".3g", **slider),
        "momentum": widgets.FloatSlider(value=momentum, min=0.0, max=0.99, step=0.01, description="momentum", **slider),
        "beta1": widgets.FloatSlider(value=beta1, min=0.0, max=0.99, step=0.01, description="beta1", **slider),
        "beta2": widgets.FloatSlider(value=beta2, min=0.5, max=0.999, step=0.001, description="beta2",
                                     readout_format=".3f", **slider),
        "num_steps": widgets.IntSlider(value=num_steps, min=1, max=max_steps, description="steps", **slider),
        "start_x": widgets.FloatSlider(value=start[0], min=x_min, max=x_max, step=0.05, description="start x", **slider),
        "start_y": widgets.FloatSlider(value=start[1], min=y_min, max=y_max, step=0.05, description="start y", **slider),
    }
    return Explorer(controls, draw, live)

"""Decision regions of a classifier on 2-D data: the plane coloured by the predicted class, with
the data on top (the notes' Fig 5, 9, 11; the decision-boundary widget of chapter 4)."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection
from matplotlib.colors import ListedColormap
from matplotlib.image import AxesImage

from dlcourse._validate import as_float_array, as_labels, as_non_negative_float, as_positive_int
from dlcourse.plots.style import COLORS
from dlcourse.plots.surfaces import _check_bounds

__all__ = ["data_bounds", "grid_cell_centres", "decision_grid", "plot_decision_regions",
           "plot_decision_regions_from_grid", "update_decision_regions", "DecisionRegionArtists", "scatter_classes",
           "update_scatter_classes", "set_decision_bounds"]

PredictFunction = Callable[[np.ndarray], np.ndarray]


def _as_points(X, y) -> tuple[np.ndarray, np.ndarray]:
    """Points X (N, 2) as floats and their classes y (N,) as int64."""
    X = as_float_array(X, "X", ndim=2)
    y = as_labels(y, "y", accept_whole_floats=True)
    if X.shape[1] != 2 or len(X) != len(y):
        raise ValueError(f"X must have shape (N, 2) and y shape (N,), got {X.shape} and {y.shape}")
    return X, y


def data_bounds(X, margin: float = 0.1) -> tuple[float, float, float, float]:
    """(x_min, x_max, y_min, y_max) around the points X (N, 2), widened by ``margin`` times the
    range on every side."""
    X = as_float_array(X, "X", ndim=2)
    if X.shape[1] != 2 or len(X) == 0:
        raise ValueError(f"X must have shape (N, 2) with N >= 1, got {X.shape}")
    low, high = X.min(axis=0), X.max(axis=0)
    pad = as_non_negative_float(margin, "margin") * np.maximum(high - low, 1e-9)
    return (low[0] - pad[0], high[0] + pad[0], low[1] - pad[1], high[1] + pad[1])


def grid_cell_centres(bounds, grid_size: int = 200) -> np.ndarray:
    """The centres of the G x G cells of a grid over ``bounds`` = (x_min, x_max, y_min, y_max),
    row by row from the bottom (the order of :func:`decision_grid`); shape (G*G, 2)."""
    x_min, x_max, y_min, y_max = _check_bounds(bounds)
    grid_size = as_positive_int(grid_size, "grid_size")
    # Cell centres, so that imshow's cells line up with the points they were predicted at.
    xs = x_min + (np.arange(grid_size) + 0.5) * (x_max - x_min) / grid_size
    ys = y_min + (np.arange(grid_size) + 0.5) * (y_max - y_min) / grid_size
    xx, yy = np.meshgrid(xs, ys)  # (G, G) each
    return np.stack([xx.ravel(), yy.ravel()], axis=1)  # (G*G, 2)


def decision_grid(predict: PredictFunction, bounds, grid_size: int = 200) -> np.ndarray:
    """The predicted class at the centre of every cell of a grid over ``bounds``.

    Args:
        predict: maps points (M, 2) to integer classes (M,).
        bounds: (x_min, x_max, y_min, y_max).
        grid_size: cells per axis G.

    Returns:
        classes: shape (G, G), int64; ``classes[i, j]`` is the class at row i (y, bottom to top)
        and column j (x, left to right), the layout of ``imshow(origin="lower")``.
    """
    grid_size = as_positive_int(grid_size, "grid_size")
    points = grid_cell_centres(bounds, grid_size)  # (G*G, 2)
    classes = as_labels(np.asarray(predict(points)).reshape(-1), "predict(points)", accept_whole_floats=True)
    if classes.shape != (len(points),):
        raise ValueError(f"predict must return one class per point, shape ({len(points)},), got {classes.shape}")
    return classes.reshape(grid_size, grid_size)


class DecisionRegionArtists(NamedTuple):
    """What :func:`plot_decision_regions` drew: the regions image and one scatter per class."""

    regions: AxesImage
    points: list[PathCollection]
    bounds: tuple[float, float, float, float]
    grid_size: int


def _class_colormap(n_classes: int) -> ListedColormap:
    return ListedColormap([COLORS[k % len(COLORS)] for k in range(n_classes)])


def scatter_classes(ax: Axes, X, y, n_classes: int, hollow: bool = False, size: float = 14,
                    marker: str = "o", label: str = "class") -> list[PathCollection]:
    """One scatter per class k, in ``COLORS[k]``: filled dots with a white rim, or (``hollow``)
    rings in the class colour, e.g. to tell validation points from training points.

    Args:
        X: shape (N, 2); y: shape (N,) integer classes in 0..n_classes-1.

    Returns:
        The K scatters (update them with :func:`update_scatter_classes`).
    """
    X, y = _as_points(X, y)
    points = []
    for k in range(as_positive_int(n_classes, "n_classes")):
        color = COLORS[k % len(COLORS)]
        style = (dict(facecolors="none", edgecolors=color, linewidths=1.0) if hollow
                 else dict(color=color, edgecolors="white", linewidths=0.4))
        points.append(ax.scatter(X[y == k, 0], X[y == k, 1], s=size, marker=marker, label=f"{label} {k}", **style))
    return points


def update_scatter_classes(points: list[PathCollection], X, y) -> None:
    """Move the scatters of :func:`scatter_classes` to new points (X, y), in place."""
    X, y = _as_points(X, y)
    for k, scatter in enumerate(points):
        scatter.set_offsets(X[y == k].reshape(-1, 2))


def set_decision_bounds(artists: DecisionRegionArtists, bounds) -> DecisionRegionArtists:
    """Move the plotted window of :func:`plot_decision_regions` to new ``bounds`` (the regions'
    extent and the axes' limits); returns the artists with the new bounds, to pass to
    :func:`update_decision_regions`."""
    bounds = _check_bounds(bounds)
    artists.regions.set_extent(bounds)
    artists.regions.axes.set_xlim(bounds[0], bounds[1])
    artists.regions.axes.set_ylim(bounds[2], bounds[3])
    return artists._replace(bounds=bounds)


def plot_decision_regions(
    ax: Axes,
    predict: PredictFunction,
    X,
    y,
    n_classes: int | None = None,
    bounds=None,
    grid_size: int = 200,
    region_alpha: float = 0.3,
    smooth: bool = False,
) -> DecisionRegionArtists:
    """Fill the plane with the colour of the predicted class and scatter the data in the colour
    of their true class (class k in ``COLORS[k]``).

    Args:
        predict: maps points (M, 2) to integer classes (M,), e.g.
            ``lambda P: model(torch.as_tensor(P, dtype=torch.float32)).argmax(1).numpy()``.
        X: shape (N, 2); y: shape (N,) integer classes in 0..n_classes-1.
        n_classes: K (default: the largest class in y or in the regions, plus one).
        bounds: the plotted window (default: around X, see :func:`data_bounds`).
        grid_size: resolution of the regions.
        smooth: blend the colours (not the class numbers) of neighbouring cells, so that a coarse
            grid gives smooth boundaries instead of staircases.

    Returns:
        The artists; pass them to :func:`update_decision_regions` to redraw in place.
    """
    X, y = _as_points(X, y)
    bounds = data_bounds(X) if bounds is None else _check_bounds(bounds)
    classes = decision_grid(predict, bounds, grid_size)
    return plot_decision_regions_from_grid(ax, classes, X, y, bounds, n_classes, region_alpha, smooth)


def plot_decision_regions_from_grid(
    ax: Axes,
    classes,
    X,
    y,
    bounds,
    n_classes: int | None = None,
    region_alpha: float = 0.3,
    smooth: bool = False,
) -> DecisionRegionArtists:
    """:func:`plot_decision_regions` for classes already predicted on the grid, e.g. by a widget
    that has a faster way to evaluate its model there than ``predict``.

    Args:
        classes: shape (G, G), the class at every cell of the grid over ``bounds``, in the layout
            of :func:`decision_grid`.
        X, y, n_classes, region_alpha, smooth: as in :func:`plot_decision_regions`.
        bounds: (x_min, x_max, y_min, y_max), the window the grid covers.
    """
    X, y = _as_points(X, y)
    bounds = _check_bounds(bounds)
    classes = np.asarray(classes)
    if classes.ndim != 2 or classes.shape[0] != classes.shape[1]:
        raise ValueError(f"classes must have shape (G, G), one class per grid cell, got {classes.shape}")
    if n_classes is None:
        n_classes = int(max(y.max(initial=0), classes.max())) + 1
    n_classes = as_positive_int(n_classes, "n_classes")
    regions = ax.imshow(classes, origin="lower", extent=bounds, cmap=_class_colormap(n_classes), vmin=-0.5,
                        vmax=n_classes - 0.5, alpha=region_alpha, interpolation="antialiased" if smooth else "nearest",
                        interpolation_stage="rgba" if smooth else "auto", aspect="auto")
    points = scatter_classes(ax, X, y, n_classes)
    ax.set_xlim(bounds[0], bounds[1])
    ax.set_ylim(bounds[2], bounds[3])
    return DecisionRegionArtists(regions, points, bounds, classes.shape[0])


def update_decision_regions(artists: DecisionRegionArtists, predict: PredictFunction, X=None, y=None) -> None:
    """Redraw the regions for a new ``predict`` (and, given X and y, move the points) without
    creating new artists: what a widget calls when a slider moves."""
    artists.regions.set_data(decision_grid(predict, artists.bounds, artists.grid_size))
    if X is not None and y is not None:
        update_scatter_classes(artists.points, X, y)

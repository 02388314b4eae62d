"""A loss surface over two parameters as contour lines (or as a 3-D mesh), and the path an
optimizer took over it (the notes' Fig 4, the optimizer widgets of chapter 8)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from matplotlib.axes import Axes
from matplotlib.contour import QuadContourSet
from matplotlib.lines import Line2D
from mpl_toolkits.mplot3d.art3d import Line3D, Poly3DCollection

from dlcourse._validate import as_float_array, as_positive_int
from dlcourse.plots.style import COLORS

__all__ = [
    "loss_surface_grid",
    "plot_loss_surface",
    "plot_trajectory",
    "update_trajectory",
    "plot_loss_surface_3d",
    "plot_trajectory_3d",
]


def _check_bounds(bounds) -> tuple[float, float, float, float]:
    bounds = as_float_array(bounds, "bounds", shape=(4,))
    x_min, x_max, y_min, y_max = bounds
    if not (x_min < x_max and y_min < y_max):
        raise ValueError(f"bounds must be (x_min, x_max, y_min, y_max) with min < max, got {tuple(bounds)}")
    return float(x_min), float(x_max), float(y_min), float(y_max)


def _as_path(path, min_length: int = 0) -> np.ndarray:
    """The iterates of an optimizer over two parameters, shape (K, 2) with K >= ``min_length``."""
    path = as_float_array(path, "path", ndim=2)
    if path.shape[1] != 2 or len(path) < min_length:
        at_least = f" with K >= {min_length}" if min_length else ""
        raise ValueError(f"path must have shape (K, 2){at_least}, got {path.shape}")
    return path


def loss_surface_grid(
    loss_fn: Callable[[np.ndarray], np.ndarray],
    bounds: tuple[float, float, float, float],
    grid_size: int = 100,
    vectorized: bool = True,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Evaluate a loss of two parameters on a regular grid.

    Args:
        loss_fn: maps parameters ``w`` of shape (..., 2) to losses of shape (...) when
            ``vectorized``, else one (2,) vector to a number (slower, called per grid point).
        bounds: (w1_min, w1_max, w2_min, w2_max).
        grid_size: points per axis G.

    Returns:
        W1, W2, L: each (G, G); ``L[i, j] = loss_fn([W1[i, j], W2[i, j]])`` (``meshgrid``'s xy
        layout, ready for ``ax.contour``).
    """
    x_min, x_max, y_min, y_max = _check_bounds(bounds)
    grid_size = as_positive_int(grid_size, "grid_size", minimum=2)
    W1, W2 = np.meshgrid(np.linspace(x_min, x_max, grid_size), np.linspace(y_min, y_max, grid_size))
    points = np.stack([W1, W2], axis=-1)  # (G, G, 2)
    if vectorized:
        L = np.asarray(loss_fn(points), dtype=float)
        if L.shape != W1.shape:
            raise ValueError(f"a vectorized loss_fn must map (..., 2) to (...): got {L.shape} for input "
                             f"{points.shape}; pass vectorized=False for a function of one (2,) vector")
    else:
        L = np.array([[float(loss_fn(point)) for point in row] for row in points])
    return W1, W2, L


def plot_loss_surface(ax: Axes, W1: np.ndarray, W2: np.ndarray, L: np.ndarray, levels: int = 20,
                      log_levels: bool = False, filled: bool = False) -> QuadContourSet:
    """Contour lines (or filled contours) of a loss surface from :func:`loss_surface_grid`.

    ``log_levels`` spaces the levels geometrically, which shows the floor of surfaces like
    Rosenbrock's that span orders of magnitude. Returns the contour set.
    """
    if not (W1.shape == W2.shape == L.shape) or L.ndim != 2:
        raise ValueError(f"W1, W2 and L must be 2-D arrays of one shape, got {W1.shape}, {W2.shape}, {L.shape}")
    if log_levels:
        low = max(np.min(L[L > 0]) if np.any(L > 0) else 1e-3, 1e-12)
        levels = np.geomspace(low, np.max(L), as_positive_int(levels, "levels", minimum=2))
    draw = ax.contourf if filled else ax.contour
    contours = draw(W1, W2, L, levels=levels, cmap="viridis")
    ax.set_xlabel(r"$w_1$")
    ax.set_ylabel(r"$w_2$")
    return contours


def plot_trajectory(ax: Axes, path, color: str = COLORS[3], label: str | None = None) -> Line2D:
    """The iterates ``w_0, w_1, ...`` of an optimizer as a line with a marker at every iterate.

    Args:
        path: shape (K, 2), the parameters after each step (the start first).

    Returns:
        The line; its data are exactly the iterates (update it with :func:`update_trajectory`).
    """
    path = _as_path(path)
    (line,) = ax.plot(path[:, 0], path[:, 1], marker="o", markersize=3, color=color, label=label)
    return line


def update_trajectory(line: Line2D, path) -> None:
    """Replace the iterates a :func:`plot_trajectory` line shows (a widget's redraw in place)."""
    path = _as_path(path)
    line.set_data(path[:, 0], path[:, 1])


def _check_3d(ax) -> None:
    if getattr(ax, "name", "") != "3d":
        raise TypeError("ax must be a 3-D axes: create it with fig.add_subplot(projection='3d')")


def plot_loss_surface_3d(ax, W1: np.ndarray, W2: np.ndarray, L: np.ndarray, alpha: float = 0.6,
                         max_lines: int = 40) -> Poly3DCollection:
    """A loss surface from :func:`loss_surface_grid` as a 3-D mesh, the loss on the vertical axis
    (the view of the notes' Fig 4).

    Args:
        ax: a 3-D axes, ``fig.add_subplot(projection="3d")``.
        W1, W2, L: (G, G) each.
        alpha: opacity of the mesh (below 1 so that a path drawn on it stays visible).
        max_lines: at most this many mesh faces per axis; a finer grid is drawn with a stride, which
            keeps the rendered figure light.

    Returns:
        The mesh (a ``Poly3DCollection``).
    """
    _check_3d(ax)
    if not (W1.shape == W2.shape == L.shape) or L.ndim != 2:
        raise ValueError(f"W1, W2 and L must be 2-D arrays of one shape, got {W1.shape}, {W2.shape}, {L.shape}")
    max_lines = as_positive_int(max_lines, "max_lines")
    stride = max(1, int(np.ceil(max(L.shape) / max_lines)))
    surface = ax.plot_surface(W1, W2, L, rstride=stride, cstride=stride, cmap="viridis", alpha=alpha,
                              linewidth=0, antialiased=False)
    ax.set_xlabel(r"$w_1$")
    ax.set_ylabel(r"$w_2$")
    ax.set_zlabel("loss")
    return surface


def plot_trajectory_3d(ax, path, losses, color: str = COLORS[3], label: str | None = None) -> Line3D:
    """The iterates of an optimizer lifted onto the surface: the points ``(w_1, w_2, loss)`` joined
    by a dashed line, with the last iterate marked by a circle (as in the notes' Fig 4).

    Args:
        ax: a 3-D axes.
        path: shape (K, 2), the parameters after each step (the start first).
        losses: shape (K,), the loss at each of them.

    Returns:
        The dashed line; its 3-D data are exactly the points ``(path, losses)``.
    """
    _check_3d(ax)
    path = _as_path(path, min_length=1)
    losses = as_float_array(losses, "losses", shape=(len(path),))
    (line,) = ax.plot(path[:, 0], path[:, 1], losses, linestyle="--", color=color, label=label, zorder=10)
    ax.scatter([path[-1, 0]], [path[-1, 1]], [losses[-1]], color=color, s=30, depthshade=False, zorder=11)
    return line

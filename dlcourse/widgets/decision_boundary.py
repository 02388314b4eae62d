"""The decision-boundary explorer of chapter 04: how the degree of a polynomial softmax classifier,
an L2 penalty, the noise in the data and the size of the training set shape its decision regions
and its training and validation accuracy.

The pieces, each usable and tested on its own:

- :func:`explorer_data`: a three-class 2-D data set for a given noise level and training-set size,
  always drawn from the same seed (cached: moving the degree or the penalty reuses it). The
  training points are the first ``num_train`` of one fixed pool, so a larger training set adds
  points instead of drawing new ones, and the validation set stays the same throughout.
- :func:`explore`: fits the classifier (:mod:`dlcourse.scratch.polynomial_classifier`) and
  computes both accuracies and the grid of predicted classes.
- :func:`plot_explorer` / :func:`update_explorer_plot`: draw that state, then update the same
  artists in place.
- :class:`DecisionBoundaryExplorer`: the widget, controls wired to the three above.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

import ipywidgets as widgets
import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection
from matplotlib.lines import Line2D

from dlcourse._validate import as_non_negative_float, as_non_negative_int, as_positive_int, check_choice
from dlcourse.data.classification import make_blobs, make_spirals
from dlcourse.plots.decision import (
    DecisionRegionArtists,
    grid_cell_centres,
    plot_decision_regions_from_grid,
    scatter_classes,
    set_decision_bounds,
    update_scatter_classes,
)
from dlcourse.scratch.features import polynomial_features
from dlcourse.scratch.polynomial_classifier import PolynomialSoftmax, fit_polynomial_softmax
from dlcourse.widgets.live_figure import Explorer, LiveFigure

__all__ = [
    "DATASETS",
    "L2_CHOICES",
    "ExplorerData",
    "ExplorerState",
    "explorer_data",
    "explore",
    "status_text",
    "ExplorerArtists",
    "plot_explorer",
    "update_explorer_plot",
    "DecisionBoundaryExplorer",
]

NUM_CLASSES = 3
MAX_TRAIN = 400  # the largest training set the widget offers
NUM_VAL = 300
SPIRAL_TURNS = 0.5
# The plotted window of each data set: fixed, so that the picture does not jump when the noise
# or the training-set size changes.
DATASETS = {
    "spirals": (-1.3, 1.3, -1.3, 1.3),  # curved class boundaries: a line underfits
    "blobs": (-2.8, 2.8, -2.8, 2.8),    # Gaussian blobs: the best boundaries are straight lines
}
# The penalty strengths of the L2 control: 0 (no penalty), then a log scale.
L2_CHOICES = (0.0, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1.0)
# Iterations of L-BFGS at most: enough for a penalized fit to converge; without a penalty, on
# separable data, the fit never converges and this keeps a redraw quick.
MAX_ITER = 300


class ExplorerData(NamedTuple):
    """Training and validation points (``X_*`` of shape (N, 2), ``y_*`` of shape (N,)) and the
    plotted window ``bounds`` = (x_min, x_max, y_min, y_max)."""

    X_train: np.ndarray
    y_train: np.ndarray
    X_val: np.ndarray
    y_val: np.ndarray
    bounds: tuple[float, float, float, float]


@functools.lru_cache(maxsize=64)
def _pool(dataset: str, noise: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """MAX_TRAIN + NUM_VAL labelled points. The generators draw their noise as ``noise * z`` with
    the same ``z`` for one seed, so the points move smoothly as the noise changes."""
    n = MAX_TRAIN + NUM_VAL
    if dataset == "spirals":
        X, y = make_spirals(n, seed, n_arms=NUM_CLASSES, turns=SPIRAL_TURNS, noise=noise)
    else:
        X, y = make_blobs(n, seed, n_classes=NUM_CLASSES, spread=noise)
    X.flags.writeable = False  # shared by every caller of the cache
    y.flags.writeable = False
    return X, y


def explorer_data(dataset: str = "spirals", noise: float = 0.15, num_train: int = 120, seed: int = 0) -> ExplorerData:
    """The explorer's data for one setting of its controls (the same every time).

    Args:
        dataset: ``"spirals"`` (three spiral arms, :func:`~dlcourse.data.classification.make_spirals`
            with half a turn) or ``"blobs"`` (three Gaussian blobs,
            :func:`~dlcourse.data.classification.make_blobs`).
        noise: the standard deviation of the Gaussian noise around the arms (spirals) or the
            centres (blobs: the ``spread``).
        num_train: training points, 1 to 400; the validation set always has 300.
        seed: the seed of the pool the points are taken from.

    Returns:
        The points (read-only views of a cached pool) and the plotted window.
    """
    check_choice(dataset, "dataset", DATASETS)
    noise = round(as_non_negative_float(noise, "noise"), 9)  # 0.30000000000000004 and 0.3 share a cache entry
    num_train = as_positive_int(num_train, "num_train")
    if num_train > MAX_TRAIN:
        raise ValueError(f"num_train must be at most {MAX_TRAIN}, got {num_train}")
    X, y = _pool(dataset, noise, as_non_negative_int(seed, "seed"))
    return ExplorerData(X[:num_train], y[:num_train], X[MAX_TRAIN:], y[MAX_TRAIN:], DATASETS[dataset])


@functools.lru_cache(maxsize=3)
def _grid_monomials(bounds: tuple[float, float, float, float], grid_size: int, degree: int) -> np.ndarray:
    """The monomials of the grid's cell centres (the points of
    :func:`~dlcourse.plots.decision.decision_grid`): the same for every fit of one degree."""
    monomials = polynomial_features(grid_cell_centres(bounds, grid_size), degree, include_bias=False)
    monomials.flags.writeable = False
    return monomials


class ExplorerState(NamedTuple):
    """Everything the explorer shows for one setting of its controls.

    Attributes:
        data: the points (:class:`ExplorerData`).
        model: the fitted classifier.
        train_accuracy, val_accuracy: its accuracy on the training and validation points.
        regions: shape (G, G), int64, the predicted class on a grid over ``data.bounds`` (row i
            is y, bottom to top; column j is x; see :func:`dlcourse.plots.decision.decision_grid`).
    """

    data: ExplorerData
    model: PolynomialSoftmax
    train_accuracy: float
    val_accuracy: float
    regions: np.ndarray


def explore(dataset: str = "spirals", degree: int = 5, l2: float = 0.0, noise: float = 0.15, num_train: int = 120,
            grid_size: int = 150, seed: int = 0, max_iter: int = MAX_ITER) -> ExplorerState:
    """Fit a polynomial softmax classifier of the given degree and penalty to the training points
    of :func:`explorer_data` and evaluate it on both sets and on a grid of the plotted window."""
    data = explorer_data(dataset, noise, num_train, seed)
    model = fit_polynomial_softmax(data.X_train, data.y_train, degree, l2, NUM_CLASSES, max_iter=max_iter)
    logits = model.logits_from_monomials(_grid_monomials(data.bounds, grid_size, model.degree))  # (G*G, C)
    regions = np.argmax(logits, axis=1).reshape(grid_size, grid_size)
    return ExplorerState(data, model, model.accuracy(data.X_train, data.y_train),
                         model.accuracy(data.X_val, data.y_val), regions)


def status_text(state: ExplorerState) -> str:
    """The line under the figure: both accuracies with their set sizes, and the model's size."""
    data, model = state.data, state.model
    return (f"training accuracy {state.train_accuracy:.3f} ({len(data.y_train)} points) &nbsp;·&nbsp; "
            f"validation accuracy {state.val_accuracy:.3f} ({len(data.y_val)} points) &nbsp;·&nbsp; "
            f"degree {model.degree}: {model.weights.shape[0]} weights per class, L2 strength {model.l2:g}")


class ExplorerArtists(NamedTuple):
    """What :func:`plot_explorer` drew: the regions with the training points, and the validation
    points."""

    regions: DecisionRegionArtists
    validation: list[PathCollection]


def _title(state: ExplorerState) -> str:
    return f"degree {state.model.degree}, L2 strength {state.model.l2:g}"


def plot_explorer(ax: Axes, state: ExplorerState) -> ExplorerArtists:
    """Draw the decision regions, the training points (filled) and the validation points (rings)."""
    data = state.data
    # state.regions is the grid explore() already predicted: no second pass of the model over it.
    regions = plot_decision_regions_from_grid(ax, state.regions, data.X_train, data.y_train, data.bounds,
                                              n_classes=NUM_CLASSES, smooth=True)
    validation = scatter_classes(ax, data.X_val, data.y_val, NUM_CLASSES, hollow=True, size=10, label="validation")
    for scatter in validation:
        scatter.set_alpha(0.5)
    for scatter in regions.points:
        scatter.set_sizes([22])
        scatter.set_zorder(3)  # training points on top of the validation rings
    ax.set(xlabel="$x_1$", ylabel="$x_2$", title=_title(state))
    ax.set_aspect("equal")
    handles = [Line2D([], [], marker="o", linestyle="", color="0.3", markeredgecolor="white", label="training"),
               Line2D([], [], marker="o", linestyle="", markerfacecolor="none", markeredgecolor="0.3",
                      label="validation")]
    ax.legend(handles=handles, loc="upper right", fontsize=9, framealpha=0.8, frameon=True)
    return ExplorerArtists(regions, validation)


def update_explorer_plot(artists: ExplorerArtists, state: ExplorerState) -> ExplorerArtists:
    """Show a new state on the artists of :func:`plot_explorer`, in place; returns the artists
    (with the new window when the data set changed)."""
    data = state.data
    regions = artists.regions
    if regions.bounds != tuple(data.bounds):
        regions = set_decision_bounds(regions, data.bounds)
    regions.regions.set_data(state.regions)
    update_scatter_classes(regions.points, data.X_train, data.y_train)
    update_scatter_classes(artists.validation, data.X_val, data.y_val)
    regions.regions.axes.set_title(_title(state))
    return ExplorerArtists(regions, artists.validation)


def _l2_index(l2: float) -> int:
    matches = [i for i, choice in enumerate(L2_CHOICES) if np.isclose(choice, l2, rtol=1e-9, atol=0)]
    if not matches:
        raise ValueError(f"l2 must be one of the control's choices {L2_CHOICES}, got {l2!r}")
    return matches[0]


class DecisionBoundaryExplorer(Explorer):
    """The widget: a data set, the polynomial degree, the L2 strength (0 or 1e-6 ... 1), the noise
    and the training-set size; it shows the decision regions with the training and validation
    points, and both accuracies under the figure.

    Display it as a cell's last value; ``explorer.set(degree=9)`` moves a control from code, and
    ``explorer.state`` is the :class:`ExplorerState` on display.
    """

    def __init__(self, dataset: str = "spirals", degree: int = 5, l2: float = 0.0, noise: float = 0.15,
                 num_train: int = 120, grid_size: int = 150, seed: int = 0) -> None:
        self.grid_size, self.seed = grid_size, seed
        self.artists: ExplorerArtists | None = None  # drawn by the first _draw
        controls = {
            "dataset": widgets.Dropdown(options=list(DATASETS), value=dataset, description="data"),
            "degree": widgets.IntSlider(value=degree, min=1, max=15, description="degree", continuous_update=False),
            # Set by index: ipywidgets leaves the label empty when value= picks the first option.
            "l2": widgets.SelectionSlider(options=[("0" if v == 0 else f"{v:.0e}", v) for v in L2_CHOICES],
                                          index=_l2_index(l2), description="L2 λ", continuous_update=False),
            "noise": widgets.FloatSlider(value=noise, min=0.05, max=1.0, step=0.05, description="noise",
                                         continuous_update=False),
            "num_train": widgets.IntSlider(value=num_train, min=20, max=MAX_TRAIN, step=20, description="N train",
                                           continuous_update=False),
        }
        super().__init__(controls, self._draw, LiveFigure(figsize=(5.4, 4.6)))

    def _draw(self, live_figure: LiveFigure, dataset: str, degree: int, l2: float, noise: float,
              num_train: int) -> str:
        self.state = explore(dataset, degree, l2, noise, num_train, self.grid_size, self.seed)
        if self.artists is None:  # Explorer's first update: create the artists, later ones move them
            self.artists = plot_explorer(live_figure.axes, self.state)
        else:
            self.artists = update_explorer_plot(self.artists, self.state)
        return status_text(self.state)

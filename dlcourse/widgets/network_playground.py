"""The network playground of chapter 05: a small fully connected network trained on a 2-D data
set while you watch its decision regions, its training and validation losses, and what one of
its hidden units responds to.

The computation is the package's NumPy network (:class:`dlcourse.scratch.mlp.MLP`, trained by the
backpropagation that chapter 06 derives); the pieces, each usable and tested on its own:

- :func:`playground_data`: training and validation points of one data set (moons, circles, XOR,
  two spirals), always from the same seed, and the plotted window.
- :class:`PlaygroundRun`: one network and its training history; :meth:`PlaygroundRun.train`
  takes full-batch gradient-descent steps (:func:`gradient_step`) and records both losses.
- :func:`hidden_activations`, :func:`probability_grid`, :func:`hidden_unit_grid`: what the
  figure shows, on a grid over the window.
- :func:`plot_playground` / :func:`update_playground_plot`: draw a run, then move the same
  artists in place.
- :class:`NetworkPlayground`: the widget. Changing the data, the depth, the width or the
  activation starts a new network; the step size and the L2 strength apply from the next step
  on; the train button runs :data:`STEPS_PER_PRESS` steps in chunks of :data:`CHUNK_STEPS`,
  redrawing and advancing a progress bar after each chunk.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

import ipywidgets as widgets
import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.image import AxesImage
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from dlcourse._validate import as_non_negative_float, as_non_negative_int, as_positive_int, check_choice
from dlcourse.data.classification import make_circles, make_moons, make_spirals, make_xor
from dlcourse.plots.decision import grid_cell_centres, scatter_classes, update_scatter_classes
from dlcourse.plots.style import COLORS
from dlcourse.scratch.mlp import MLP
from dlcourse.widgets.live_figure import Explorer, LiveFigure

__all__ = [
    "DATASETS",
    "ACTIVATIONS",
    "STEP_SIZES",
    "L2_CHOICES",
    "STEPS_PER_PRESS",
    "CHUNK_STEPS",
    "PlaygroundData",
    "playground_data",
    "gradient_step",
    "hidden_activations",
    "probability_grid",
    "hidden_unit_grid",
    "PlaygroundRun",
    "status_text",
    "PlaygroundArtists",
    "plot_playground",
    "update_playground_plot",
    "NetworkPlayground",
]

NUM_TRAIN = 200
NUM_VAL = 200
# The plotted window of each data set, fixed so that the picture does not jump.
DATASETS = {
    "moons": (-1.6, 2.6, -1.3, 1.8),
    "circles": (-1.5, 1.5, -1.5, 1.5),
    "xor": (-1.1, 1.1, -1.1, 1.1),
    "spirals": (-1.3, 1.3, -1.3, 1.3),
}
ACTIVATIONS = ("tanh", "relu", "leaky_relu", "logistic")
STEP_SIZES = (0.01, 0.03, 0.1, 0.3, 1.0, 3.0)
L2_CHOICES = (0.0, 1e-4, 1e-3, 1e-2, 1e-1)
STEPS_PER_PRESS = 300  # one press of the train button: bounded, so the kernel is busy a second at most
CHUNK_STEPS = 50       # redraw (and advance the progress bar) after every chunk
MAX_DEPTH, MAX_WIDTH = 4, 8
# Two classes everywhere: the regions show P(class 1), from class 0's colour through white to class 1's.
PROBABILITY_COLORMAP = LinearSegmentedColormap.from_list("class_probability", [COLORS[0], "#ffffff", COLORS[1]])


class PlaygroundData(NamedTuple):
    """Training and validation points (``X_*`` (N, 2) float64, ``y_*`` (N,) int64 in {0, 1}) and
    the plotted window ``bounds`` = (x_min, x_max, y_min, y_max)."""

    X_train: np.ndarray
    y_train: np.ndarray
    X_val: np.ndarray
    y_val: np.ndarray
    bounds: tuple[float, float, float, float]


@functools.lru_cache(maxsize=16)
def playground_data(dataset: str = "moons", seed: int = 0) -> PlaygroundData:
    """200 training and 200 validation points of one data set (read-only, cached).

    ``"moons"``: :func:`~dlcourse.data.classification.make_moons` (noise 0.15); ``"circles"``:
    :func:`~dlcourse.data.classification.make_circles` (noise 0.08); ``"xor"``:
    :func:`~dlcourse.data.classification.make_xor` (5% of the labels flipped); ``"spirals"``: two
    arms of :func:`~dlcourse.data.classification.make_spirals` with three quarters of a turn.
    """
    check_choice(dataset, "dataset", DATASETS)
    seed = as_non_negative_int(seed, "seed")
    n = NUM_TRAIN + NUM_VAL
    if dataset == "moons":
        X, y = make_moons(n, seed, noise=0.15)
    elif dataset == "circles":
        X, y = make_circles(n, seed, noise=0.08)
    elif dataset == "xor":
        X, y = make_xor(n, seed, label_noise=0.05)
    else:
        X, y = make_spirals(n, seed, n_arms=2, turns=0.75, noise=0.04)
    X.flags.writeable = False  # shared by every caller of the cache
    y.flags.writeable = False
    return PlaygroundData(X[:NUM_TRAIN], y[:NUM_TRAIN], X[NUM_TRAIN:], y[NUM_TRAIN:], DATASETS[dataset])


def gradient_step(model: MLP, X, y, step_size: float, l2: float) -> float:
    """One full-batch gradient-descent step on the mean cross-entropy plus ``(l2 / 2) sum ||W_l||^2``
    (the weight matrices only; the biases are not penalized), updating ``model`` in place.

    Returns:
        The mean cross-entropy on ``(X, y)`` before the step (the data term, without the penalty).
    """
    step_size = as_non_negative_float(step_size, "step_size")
    l2 = as_non_negative_float(l2, "l2")
    loss, grads = model.loss_and_gradients(X, y)
    for index, (param, grad) in enumerate(zip(model.parameters(), grads)):
        if index % 2 == 0:  # [W_0, b_0, W_1, b_1, ...]: the weights get the penalty's gradient l2 W
            grad = grad + l2 * param
        param -= step_size * grad
    return float(loss)


def hidden_activations(model: MLP, X) -> list[np.ndarray]:
    """The outputs ``H_1, ..., H_{L-1}`` of the hidden layers for inputs ``X`` (N, D_0): a list of
    arrays of shape (N, D_l), one per hidden layer (empty for a network without one)."""
    _, caches = model.forward(X)
    # The linear layer after hidden layer l cached its input, which is H_l.
    return [linear_cache[0] for linear_cache, _ in caches[1:]]


def _softmax_class_one(logits: np.ndarray) -> np.ndarray:
    """P(class 1) of two-class logits (N, 2): the logistic of the logit difference, stably."""
    difference = logits[:, 1] - logits[:, 0]
    return np.exp(-np.logaddexp(0.0, -difference))


def probability_grid(model: MLP, bounds, grid_size: int = 80) -> np.ndarray:
    """The network's probability of class 1 at the centres of a ``grid_size`` x ``grid_size`` grid
    over ``bounds``: shape (G, G), row i is y (bottom to top), column j is x, values in [0, 1]."""
    grid_size = as_positive_int(grid_size, "grid_size")
    logits, _ = model.forward(grid_cell_centres(bounds, grid_size))
    return _softmax_class_one(logits).reshape(grid_size, grid_size)


def hidden_unit_grid(model: MLP, layer: int, unit: int, bounds, grid_size: int = 80) -> np.ndarray:
    """The output of hidden unit ``unit`` (from 0) of hidden layer ``layer`` (from 1) over the grid
    of :func:`probability_grid`: shape (G, G), what that unit responds to in the input plane."""
    depth = len(model.layer_sizes) - 2
    if depth == 0:
        raise ValueError("this network has no hidden layer")
    layer = as_positive_int(layer, "layer")
    if layer > depth:
        raise ValueError(f"layer must be between 1 and {depth} for this network, got {layer}")
    width = model.layer_sizes[layer]
    unit = as_non_negative_int(unit, "unit")
    if unit >= width:
        raise ValueError(f"unit must be between 0 and {width - 1} in hidden layer {layer}, got {unit}")
    grid_size = as_positive_int(grid_size, "grid_size")
    hidden = hidden_activations(model, grid_cell_centres(bounds, grid_size))[layer - 1]  # (G*G, width)
    return hidden[:, unit].reshape(grid_size, grid_size)


class PlaygroundRun:
    """One network on one data set and its training history.

    Args:
        dataset: a key of :data:`DATASETS`.
        depth: number of hidden layers, 0 (a linear model) to 4.
        width: units in every hidden layer, 1 to 8.
        activation: one of :data:`ACTIVATIONS`.
        step_size, l2: of :func:`gradient_step` (may be changed between calls of :meth:`train`).
        seed: for the data and the initial weights.

    Attributes:
        steps: the steps taken so far.
        history_steps, train_losses, val_losses: after 0, 1, 2, ... ``steps`` steps, the mean
            cross-entropy on both sets (equal lengths ``steps + 1``).
    """

    def __init__(self, dataset: str = "moons", depth: int = 2, width: int = 4, activation: str = "tanh",
                 step_size: float = 0.3, l2: float = 0.0, seed: int = 0) -> None:
        self.data = playground_data(dataset, seed)
        self.dataset = dataset
        self.depth = as_non_negative_int(depth, "depth")
        self.width = as_positive_int(width, "width")
        if self.depth > MAX_DEPTH or self.width > MAX_WIDTH:
            raise ValueError(f"depth at most {MAX_DEPTH} and width at most {MAX_WIDTH}, got {depth} and {width}")
        self.activation = check_choice(activation, "activation", ACTIVATIONS)
        self.step_size = as_non_negative_float(step_size, "step_size")
        self.l2 = as_non_negative_float(l2, "l2")
        self.model = MLP([2] + [self.width] * self.depth + [2], self.activation, np.random.default_rng(seed))
        self.steps = 0
        self.train_losses = [self._loss(self.data.X_train, self.data.y_train)]
        self.val_losses = [self._loss(self.data.X_val, self.data.y_val)]

    @property
    def architecture(self) -> tuple[str, int, int, str]:
        """What fixes the network: a change of any of these starts a new run."""
        return self.dataset, self.depth, self.width, self.activation

    def _loss(self, X, y) -> float:
        logits, _ = self.model.forward(X)
        return float(np.mean(np.logaddexp(logits[:, 0], logits[:, 1]) - logits[np.arange(len(y)), y]))

    def train(self, num_steps: int) -> None:
        """Take ``num_steps`` full-batch steps on the training points, recording both losses after each."""
        for _ in range(as_non_negative_int(num_steps, "num_steps")):
            gradient_step(self.model, self.data.X_train, self.data.y_train, self.step_size, self.l2)
            self.steps += 1
            self.train_losses.append(self._loss(self.data.X_train, self.data.y_train))
            self.val_losses.append(self._loss(self.data.X_val, self.data.y_val))

    def accuracies(self) -> tuple[float, float]:
        """Training and validation accuracy of the network as it is now."""
        return (float(np.mean(self.model.predict(self.data.X_train) == self.data.y_train)),
                float(np.mean(self.model.predict(self.data.X_val) == self.data.y_val)))


def status_text(run: PlaygroundRun) -> str:
    """The line under the figure: steps taken, both losses and accuracies, the network's size."""
    train_accuracy, val_accuracy = run.accuracies()
    return (f"step {run.steps} &nbsp;·&nbsp; training loss {run.train_losses[-1]:.3f}, accuracy {train_accuracy:.3f} "
            f"&nbsp;·&nbsp; validation loss {run.val_losses[-1]:.3f}, accuracy {val_accuracy:.3f} &nbsp;·&nbsp; "
            f"{run.model.num_parameters} parameters")


class PlaygroundArtists(NamedTuple):
    """What :func:`plot_playground` drew, to be moved by :func:`update_playground_plot`."""

    regions: AxesImage
    train_points: list[PathCollection]
    val_points: list[PathCollection]
    train_curve: Line2D
    val_curve: Line2D
    unit_image: AxesImage
    unit_points: list[PathCollection]


def _unit_title(run: PlaygroundRun, layer: int, unit: int) -> str:
    if run.depth == 0:
        return "no hidden layer (a linear model)"
    return f"hidden layer {layer}, unit {unit} ({run.activation})"


def _unit_grid(run: PlaygroundRun, layer: int, unit: int, grid_size: int) -> np.ndarray:
    if run.depth == 0:
        return np.zeros((grid_size, grid_size))
    return hidden_unit_grid(run.model, min(layer, run.depth), min(unit, run.width - 1), run.data.bounds, grid_size)


def plot_playground(axes, run: PlaygroundRun, layer: int = 1, unit: int = 0, grid_size: int = 80) -> PlaygroundArtists:
    """Draw a run on three axes: P(class 1) with the points, the two loss curves, one hidden unit."""
    regions_ax, loss_ax, unit_ax = axes
    data = run.data
    regions = regions_ax.imshow(probability_grid(run.model, data.bounds, grid_size), origin="lower",
                                extent=data.bounds, cmap=PROBABILITY_COLORMAP, vmin=0.0, vmax=1.0,
                                interpolation="bilinear", aspect="auto")
    train_points = scatter_classes(regions_ax, data.X_train, data.y_train, 2, size=12)
    val_points = scatter_classes(regions_ax, data.X_val, data.y_val, 2, hollow=True, size=10, label="validation")
    for scatter in val_points:
        scatter.set_alpha(0.6)
    regions_ax.set(xlim=data.bounds[:2], ylim=data.bounds[2:], title="P(class 1): training •, validation ○",
                   xlabel="$x_1$", ylabel="$x_2$")
    steps = np.arange(run.steps + 1)
    (train_curve,) = loss_ax.plot(steps, run.train_losses, color=COLORS[0], label="training")
    (val_curve,) = loss_ax.plot(steps, run.val_losses, color=COLORS[3], label="validation")
    loss_ax.set(xlabel="gradient-descent step", ylabel="cross-entropy", title="losses")
    loss_ax.legend(loc="upper right", fontsize=9)
    _rescale_losses(loss_ax, run)
    unit_image = unit_ax.imshow(_unit_grid(run, layer, unit, grid_size), origin="lower", extent=data.bounds,
                                cmap="PuOr_r", interpolation="bilinear", aspect="auto")
    unit_points = scatter_classes(unit_ax, data.X_train, data.y_train, 2, size=5)
    for scatter in unit_points:
        scatter.set_alpha(0.35)
    _rescale_unit(unit_image)
    unit_ax.set(xlim=data.bounds[:2], ylim=data.bounds[2:], title=_unit_title(run, layer, unit), xticks=[], yticks=[])
    # Few ticks and no grid lines: the text of the axes is most of a redraw's rendering time.
    for ax in (regions_ax, loss_ax):
        ax.xaxis.set_major_locator(MaxNLocator(4))
        ax.yaxis.set_major_locator(MaxNLocator(4))
    for ax in axes:
        ax.grid(False)
    return PlaygroundArtists(regions, train_points, val_points, train_curve, val_curve, unit_image, unit_points)


def _rescale_losses(ax: Axes, run: PlaygroundRun) -> None:
    highest = max(max(run.train_losses), max(run.val_losses))
    ax.set_xlim(0, max(run.steps, CHUNK_STEPS))
    ax.set_ylim(0.0, 1.05 * max(highest, 0.1))


def _rescale_unit(image: AxesImage) -> None:
    values = image.get_array()
    low, high = float(np.min(values)), float(np.max(values))
    if high - low < 1e-9:  # a constant (for ReLU: dead) unit
        low, high = low - 0.5, high + 0.5
    image.set_clim(low, high)


def update_playground_plot(artists: PlaygroundArtists, run: PlaygroundRun, layer: int = 1, unit: int = 0,
                           grid_size: int = 80) -> None:
    """Show a run (possibly a new one on other data) on the artists of :func:`plot_playground`, in place."""
    data = run.data
    artists.regions.set_data(probability_grid(run.model, data.bounds, grid_size))
    artists.unit_image.set_data(_unit_grid(run, layer, unit, grid_size))
    _rescale_unit(artists.unit_image)
    for image in (artists.regions, artists.unit_image):
        image.set_extent(data.bounds)
        image.axes.set(xlim=data.bounds[:2], ylim=data.bounds[2:])
    update_scatter_classes(artists.train_points, data.X_train, data.y_train)
    update_scatter_classes(artists.val_points, data.X_val, data.y_val)
    update_scatter_classes(artists.unit_points, data.X_train, data.y_train)
    steps = np.arange(run.steps + 1)
    artists.train_curve.set_data(steps, run.train_losses)
    artists.val_curve.set_data(steps, run.val_losses)
    _rescale_losses(artists.train_curve.axes, run)
    artists.unit_image.axes.set_title(_unit_title(run, layer, unit))


def _choice_index(choices, value, name: str) -> int:
    matches = [i for i, choice in enumerate(choices) if np.isclose(choice, value, rtol=1e-9, atol=0)]
    if not matches:
        raise ValueError(f"{name} must be one of the control's choices {choices}, got {value!r}")
    return matches[0]


class NetworkPlayground(Explorer):
    """The widget: data set, depth, width, activation, step size, L2 strength, and which hidden
    unit to show; a train button, a reset button and a progress bar.

    ``playground.set(depth=3)`` moves a control from code, ``playground.train()`` does what the
    train button does, and ``playground.run`` is the :class:`PlaygroundRun` on display.
    """

    def __init__(self, dataset: str = "moons", depth: int = 2, width: int = 4, activation: str = "tanh",
                 step_size: float = 0.3, l2: float = 0.0, grid_size: int = 60, seed: int = 0,
                 steps_per_press: int = STEPS_PER_PRESS, chunk_steps: int = CHUNK_STEPS) -> None:
        self.grid_size, self.seed = grid_size, seed
        self.steps_per_press = as_positive_int(steps_per_press, "steps_per_press")
        self.chunk_steps = as_positive_int(chunk_steps, "chunk_steps")
        self.run: PlaygroundRun | None = None
        self.artists: PlaygroundArtists | None = None
        controls = {
            "dataset": widgets.Dropdown(options=list(DATASETS), value=dataset, description="data"),
            "depth": widgets.IntSlider(value=depth, min=0, max=MAX_DEPTH, description="depth",
                                       continuous_update=False),
            "width": widgets.IntSlider(value=width, min=1, max=MAX_WIDTH, description="width",
                                       continuous_update=False),
            "activation": widgets.Dropdown(options=list(ACTIVATIONS), value=activation, description="activation"),
            "step_size": widgets.SelectionSlider(options=[(f"{v:g}", v) for v in STEP_SIZES],
                                                 index=_choice_index(STEP_SIZES, step_size, "step_size"),
                                                 description="step size", continuous_update=False),
            "l2": widgets.SelectionSlider(options=[("0" if v == 0 else f"{v:.0e}", v) for v in L2_CHOICES],
                                          index=_choice_index(L2_CHOICES, l2, "l2"), description="L2 λ",
                                          continuous_update=False),
            "layer": widgets.IntSlider(value=1, min=1, max=MAX_DEPTH, description="show layer",
                                       continuous_update=False),
            "unit": widgets.IntSlider(value=0, min=0, max=MAX_WIDTH - 1, description="unit",
                                      continuous_update=False),
        }
        super().__init__(controls, self._draw, LiveFigure(1, 3, figsize=(10.5, 3.4)))
        self.train_button = widgets.Button(description=f"train {self.steps_per_press} steps", button_style="primary")
        self.reset_button = widgets.Button(description="new network")
        self.progress = widgets.IntProgress(value=0, min=0, max=self.steps_per_press, description="progress")
        self.train_button.on_click(lambda _: self.train())
        self.reset_button.on_click(lambda _: self.reset())
        self.widget = widgets.VBox([
            widgets.HBox(list(self.controls.values()), layout=widgets.Layout(flex_flow="row wrap")),
            widgets.HBox([self.train_button, self.reset_button, self.progress]),
            self.live_figure.image, self.status,
        ])

    def _draw(self, live_figure: LiveFigure, dataset: str, depth: int, width: int, activation: str,
              step_size: float, l2: float, layer: int, unit: int) -> str:
        if self.run is None or self.run.architecture != (dataset, depth, width, activation):
            self.run = PlaygroundRun(dataset, depth, width, activation, step_size, l2, self.seed)
        self.run.step_size, self.run.l2 = step_size, l2  # apply from the next step on
        layer, unit = self._clamp_unit_controls(depth, width, layer, unit)
        if self.artists is None:
            self.artists = plot_playground(live_figure.axes, self.run, layer, unit, self.grid_size)
        else:
            update_playground_plot(self.artists, self.run, layer, unit, self.grid_size)
        return status_text(self.run)

    def _clamp_unit_controls(self, depth: int, width: int, layer: int, unit: int) -> tuple[int, int]:
        """Keep the layer and unit sliders within the network (without a second redraw)."""
        layer_control, unit_control = self.controls["layer"], self.controls["unit"]
        with self._held():
            layer_control.max = max(depth, 1)
            unit_control.max = width - 1
        return min(layer, max(depth, 1)), min(unit, width - 1)

    def set(self, **values) -> None:
        """Set controls by name, redrawing once. The layer and unit sliders are first opened to their
        full range, so that ``set(depth=4, width=8, layer=4, unit=7)`` is not clamped by the old network."""
        with self._held():
            self.controls["layer"].max, self.controls["unit"].max = MAX_DEPTH, MAX_WIDTH - 1
        super().set(**values)

    def reset(self) -> None:
        """Start a new network with the current settings (the reset button)."""
        self.run = None
        self.progress.value = 0
        self.update()

    def train(self, num_steps: int | None = None) -> None:
        """What the train button does: ``num_steps`` (default ``steps_per_press``) steps in chunks,
        redrawing and advancing the progress bar after each chunk."""
        total = self.steps_per_press if num_steps is None else as_positive_int(num_steps, "num_steps")
        self.progress.max, self.progress.value = total, 0
        self.train_button.disabled = True
        try:
            done = 0
            while done < total:
                chunk = min(self.chunk_steps, total - done)
                self.run.train(chunk)
                done += chunk
                self.progress.value = done
                self.update()
        finally:
            self.train_button.disabled = False

"""The convolution explorer of chapter 09: pick a digit, choose or type a 3x3 filter, and see the
feature map it produces and the map after max pooling.

The pieces, each usable and tested on its own:

- :data:`FILTERS`: classic 3x3 filters by name (identity, blur, sharpen, edge detectors).
- :func:`parse_filter`: a 3x3 filter from text such as ``"1 0 -1; 2 0 -2; 1 0 -1"``, with an error
  that says what is wrong.
- :func:`filter_response`: the feature map of one image under one filter (a cross-correlation with
  zero padding 1, as ``torch.nn.functional.conv2d(..., padding=1)``), optionally through a ReLU,
  and its max pooling; the package's :mod:`dlcourse.scratch.conv` does the work.
- :func:`plot_filter_response` / :func:`update_filter_response`: draw the image, the filter, the map
  and the pooled map, then update the same artists in place.
- :class:`ConvolutionExplorer`: the widget, controls wired to the pieces above.
"""

from __future__ import annotations

from typing import NamedTuple

import ipywidgets as widgets
import numpy as np
from matplotlib.axes import Axes
from matplotlib.image import AxesImage
from matplotlib.text import Text

from dlcourse._validate import as_float_array, as_positive_int
from dlcourse.scratch.conv import conv2d_forward, max_pool2d_forward
from dlcourse.widgets.live_figure import Explorer, LiveFigure

__all__ = ["FILTERS", "CUSTOM", "parse_filter", "FilterResponse", "filter_response", "ResponseArtists",
           "plot_filter_response", "update_filter_response", "ConvolutionExplorer"]

FILTERS: dict[str, np.ndarray] = {
    "identity": np.array([[0.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 0.0]]),
    "blur": np.full((3, 3), 1.0 / 9.0),
    "sharpen": np.array([[0.0, -1.0, 0.0], [-1.0, 5.0, -1.0], [0.0, -1.0, 0.0]]),
    "vertical edge (dark to light)": np.array([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]]),
    "horizontal edge (dark to light)": np.array([[-1.0, -2.0, -1.0], [0.0, 0.0, 0.0], [1.0, 2.0, 1.0]]),
    "diagonal line": np.array([[2.0, -1.0, -1.0], [-1.0, 2.0, -1.0], [-1.0, -1.0, 2.0]]),
    "outline (Laplacian)": np.array([[0.0, 1.0, 0.0], [1.0, -4.0, 1.0], [0.0, 1.0, 0.0]]),
}
CUSTOM = "custom (type below)"


def parse_filter(text: str) -> np.ndarray:
    """A 3x3 filter from text: three rows separated by ``;`` (or new lines), three numbers per row
    separated by spaces or commas, e.g. ``"1 0 -1; 2 0 -2; 1 0 -1"``.

    Raises:
        ValueError: naming the row or the entry that is not right.
    """
    if not isinstance(text, str):
        raise TypeError(f"the filter must be given as text, got {type(text).__name__}")
    rows = [row for row in text.replace("\n", ";").split(";") if row.strip()]
    if len(rows) != 3:
        raise ValueError(f"a 3x3 filter needs 3 rows separated by ';', got {len(rows)}")
    values = []
    for number, row in enumerate(rows, start=1):
        entries = row.replace(",", " ").split()
        if len(entries) != 3:
            raise ValueError(f"row {number} needs 3 numbers, got {len(entries)}: {row.strip()!r}")
        try:
            numbers = [float(entry) for entry in entries]
        except ValueError:
            raise ValueError(f"row {number} holds something that is not a number: {row.strip()!r}") from None
        if not all(np.isfinite(numbers)):
            raise ValueError(f"row {number} holds an infinite or missing value: {row.strip()!r}")
        values.append(numbers)
    return np.array(values)


class FilterResponse(NamedTuple):
    """One image seen through one filter.

    Attributes:
        image: (H, W), the input.
        kernel: (3, 3), the filter.
        feature_map: (H, W), the cross-correlation with zero padding 1 (after the ReLU if asked).
        pooled: (H // pool_size, W // pool_size), the feature map after max pooling.
    """

    image: np.ndarray
    kernel: np.ndarray
    feature_map: np.ndarray
    pooled: np.ndarray


def filter_response(image, kernel, pool_size: int = 2, relu: bool = True) -> FilterResponse:
    """The feature map of ``image`` (H, W) under the 3x3 ``kernel`` and its ``pool_size`` max pooling.

    ``feature_map[i, j] = sum_{p, q} kernel[p, q] * image_pad[i + p, j + q]`` (a cross-correlation, the
    image padded by one zero on every side so the map keeps the image's size), then ``max(., 0)``
    when ``relu``; ``pooled`` keeps the largest entry of each ``pool_size x pool_size`` window
    (``pool_size=1`` leaves the map as it is).
    """
    image = as_float_array(image, "image", dims="H, W")
    kernel = as_float_array(kernel, "kernel", shape=(3, 3))
    pool_size = as_positive_int(pool_size, "pool_size")
    if pool_size > min(image.shape):
        raise ValueError(f"pool_size {pool_size} is larger than the image {image.shape}")
    feature_map, _ = conv2d_forward(image[None, None], kernel[None, None], np.zeros(1), stride=1, padding=1)
    feature_map = feature_map[0, 0]                                  # (1, 1, H, W) -> (H, W)
    if relu:
        feature_map = np.maximum(feature_map, 0.0)
    pooled, _ = max_pool2d_forward(feature_map[None, None], pool_size)
    return FilterResponse(image, kernel, feature_map, pooled[0, 0])


class ResponseArtists(NamedTuple):
    image: AxesImage
    kernel: AxesImage
    kernel_values: list[Text]
    feature_map: AxesImage
    pooled: AxesImage


def _limit(array: np.ndarray) -> float:
    """A symmetric colour limit for a signed array (never 0)."""
    return max(float(np.abs(array).max()), 1e-9)


def plot_filter_response(axes, response: FilterResponse) -> ResponseArtists:
    """Draw the image, the filter (with its values), the feature map and the pooled map on four axes."""
    image_ax, kernel_ax, map_ax, pooled_ax = axes
    image = image_ax.imshow(response.image, cmap="gray_r", vmin=0, vmax=max(1.0, response.image.max()))
    limit = _limit(response.kernel)
    kernel = kernel_ax.imshow(response.kernel, cmap="RdBu_r", vmin=-limit, vmax=limit)
    values = [kernel_ax.text(q, p, f"{response.kernel[p, q]:.2g}", ha="center", va="center", fontsize=9)
              for p in range(3) for q in range(3)]
    map_limit = _limit(response.feature_map)
    feature_map = map_ax.imshow(response.feature_map, cmap="RdBu_r", vmin=-map_limit, vmax=map_limit)
    pooled = pooled_ax.imshow(response.pooled, cmap="RdBu_r", vmin=-map_limit, vmax=map_limit)
    for ax, title in zip(axes, ("the digit", "the 3x3 filter", "feature map", "after max pooling")):
        ax.set(title=title, xticks=[], yticks=[])
        ax.grid(False)
    return ResponseArtists(image, kernel, values, feature_map, pooled)


def update_filter_response(artists: ResponseArtists, response: FilterResponse) -> ResponseArtists:
    """Show ``response`` on the artists of :func:`plot_filter_response`, in place."""
    artists.image.set_data(response.image)
    limit = _limit(response.kernel)
    artists.kernel.set_data(response.kernel)
    artists.kernel.set_clim(-limit, limit)
    for text, value in zip(artists.kernel_values, response.kernel.ravel()):
        text.set_text(f"{value:.2g}")
    map_limit = _limit(response.feature_map)
    artists.feature_map.set_data(response.feature_map)
    artists.feature_map.set_clim(-map_limit, map_limit)
    artists.pooled.set_data(response.pooled)
    artists.pooled.set_clim(-map_limit, map_limit)
    # imshow fixed the axes to the first pooled map's size; a new pool size changes the shape
    rows, cols = response.pooled.shape
    artists.pooled.set_extent((-0.5, cols - 0.5, rows - 0.5, -0.5))
    artists.pooled.axes.set(xlim=(-0.5, cols - 0.5), ylim=(rows - 0.5, -0.5))
    return artists


class ConvolutionExplorer(Explorer):
    """Pick an image, choose (or type) a 3x3 filter, a pooling size and whether a ReLU follows the
    convolution; the figure shows the image, the filter, its feature map and the pooled map.

    Args:
        images: (N, H, W) or (N, 1, H, W) images, e.g. the 8x8 digits.
        labels: optional (N,) labels, shown in the status line.
        filter_name: the preset filter shown first (a key of :data:`FILTERS`).
        custom: the text of the custom filter, used when the filter is "custom".
    """

    def __init__(self, images, labels=None, filter_name: str = "vertical edge (dark to light)",
                 custom: str = "1 0 -1; 1 0 -1; 1 0 -1", pool_size: int = 2, relu: bool = True) -> None:
        images = as_float_array(images, "images")
        if images.ndim == 4 and images.shape[1] == 1:
            images = images[:, 0]                                    # (N, 1, H, W) -> (N, H, W)
        if images.ndim != 3 or len(images) == 0:
            raise ValueError(f"images must have shape (N, H, W) or (N, 1, H, W), got {images.shape}")
        if filter_name not in FILTERS and filter_name != CUSTOM:
            raise ValueError(f"unknown filter {filter_name!r}; choose one of {[*FILTERS, CUSTOM]}")
        self.images = images
        self.labels = None if labels is None else np.asarray(labels)
        self.response = filter_response(images[0], FILTERS.get(filter_name, FILTERS["identity"]), pool_size, relu)
        self._kernel = self.response.kernel
        live = LiveFigure(1, 4, figsize=(9.5, 2.8))
        self.artists = plot_filter_response(live.axes, self.response)
        controls = {
            "index": widgets.IntSlider(value=0, min=0, max=len(images) - 1, description="digit"),
            "filter_name": widgets.Dropdown(options=[*FILTERS, CUSTOM], value=filter_name, description="filter"),
            "custom": widgets.Text(value=custom, description="custom", continuous_update=False,
                                   layout=widgets.Layout(width="260px")),
            "pool_size": widgets.IntSlider(value=pool_size, min=1, max=min(images.shape[1:]) // 2,
                                           description="pool size"),
            "relu": widgets.Checkbox(value=relu, description="ReLU after the filter"),
        }
        super().__init__(controls, self._draw, live)

    def _draw(self, live_figure: LiveFigure, index: int, filter_name: str, custom: str, pool_size: int,
              relu: bool) -> str:
        problem = ""
        if filter_name == CUSTOM:
            try:
                self._kernel = parse_filter(custom)
            except ValueError as error:                              # keep the last good filter
                problem = f"<br><b>custom filter not used:</b> {error}"
        else:
            self._kernel = FILTERS[filter_name]
        self.response = filter_response(self.images[index], self._kernel, pool_size, relu)
        update_filter_response(self.artists, self.response)
        label = "" if self.labels is None else f" (a {self.labels[index]})"
        fm, pooled = self.response.feature_map, self.response.pooled
        return (f"image {index}{label}: feature map {fm.shape[0]}x{fm.shape[1]}, from {fm.min():.2f} to "
                f"{fm.max():.2f}; pooled map {pooled.shape[0]}x{pooled.shape[1]}" + problem)

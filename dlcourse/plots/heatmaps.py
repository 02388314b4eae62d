"""Matrices as images: attention maps (queries by keys) and confusion matrices (true by
predicted classes)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np
from matplotlib.axes import Axes
from matplotlib.image import AxesImage
from matplotlib.text import Text

from dlcourse._validate import as_float_array

__all__ = ["HeatmapArtists", "plot_heatmap", "plot_confusion_matrix", "plot_attention"]


class HeatmapArtists(NamedTuple):
    """The image and, when annotated, one text per cell (row-major)."""

    image: AxesImage
    texts: list[Text]


def plot_heatmap(
    ax: Axes,
    matrix,
    row_labels: Sequence[str] | None = None,
    column_labels: Sequence[str] | None = None,
    annotate: bool = False,
    value_format: str = "{:.2f}",
    cmap: str = "viridis",
    vmin: float | None = None,
    vmax: float | None = None,
) -> HeatmapArtists:
    """Draw a (R, C) matrix as an image, row 0 at the top, optionally writing each value in its
    cell (in black or white, whichever reads better on the cell's colour).

    Returns:
        The image (update with ``image.set_data``) and the cell texts.
    """
    matrix = as_float_array(matrix, "matrix", ndim=2)
    rows, columns = matrix.shape
    for labels, size, name in ((row_labels, rows, "row_labels"), (column_labels, columns, "column_labels")):
        if labels is not None and len(labels) != size:
            raise ValueError(f"{name} must have one label per {name.split('_')[0]} ({size}), got {len(labels)}")
    image = ax.imshow(matrix, cmap=cmap, vmin=vmin, vmax=vmax, interpolation="nearest", aspect="equal")
    ax.grid(False)
    ax.set_xticks(np.arange(columns), labels=column_labels if column_labels is not None else np.arange(columns))
    ax.set_yticks(np.arange(rows), labels=row_labels if row_labels is not None else np.arange(rows))
    texts = []
    if annotate:
        low, high = image.get_clim()
        middle = (low + high) / 2
        for i in range(rows):
            for j in range(columns):
                color = "white" if matrix[i, j] < middle else "black"  # viridis is dark at the low end
                texts.append(ax.text(j, i, value_format.format(matrix[i, j]), ha="center", va="center",
                                     color=color, fontsize=9))
    return HeatmapArtists(image, texts)


def plot_confusion_matrix(
    ax: Axes,
    matrix,
    class_names: Sequence[str] | None = None,
    normalize: bool = False,
) -> HeatmapArtists:
    """A confusion matrix (rows: true class, columns: predicted class), with counts in the
    cells; ``normalize`` divides each row by its sum, so the diagonal shows each class's recall."""
    matrix = as_float_array(matrix, "matrix", ndim=2)
    if matrix.shape[0] != matrix.shape[1]:
        raise ValueError(f"a confusion matrix is square (K, K), got shape {matrix.shape}")
    if normalize:
        sums = matrix.sum(axis=1, keepdims=True)
        matrix = matrix / np.where(sums == 0, 1, sums)
    artists = plot_heatmap(ax, matrix, class_names, class_names, annotate=True,
                           value_format="{:.2f}" if normalize else "{:.0f}", vmin=0)
    ax.set_xlabel("predicted class")
    ax.set_ylabel("true class")
    return artists


def plot_attention(
    ax: Axes,
    weights,
    query_tokens: Sequence[str] | None = None,
    key_tokens: Sequence[str] | None = None,
) -> HeatmapArtists:
    """Attention weights of one head, (T_q, T_k): row t shows how much query position t takes
    from every key position (each row sums to 1). Colours span [0, 1] so that maps are comparable."""
    weights = as_float_array(weights, "weights", ndim=2)
    artists = plot_heatmap(ax, weights, query_tokens, key_tokens, vmin=0.0, vmax=1.0)
    ax.set_xlabel("key position")
    ax.set_ylabel("query position")
    return artists

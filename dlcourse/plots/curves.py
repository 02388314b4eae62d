"""Loss curves: the training (and validation) loss of each epoch."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from dlcourse.plots.style import COLORS

__all__ = ["plot_loss_curves", "plot_history"]


def plot_loss_curves(
    ax: Axes,
    train_loss: Sequence[float],
    val_loss: Sequence[float] | None = None,
    log_scale: bool = False,
) -> dict[str, Line2D]:
    """Draw the loss per epoch (epochs counted from 1).

    Returns:
        The lines: ``{"train": ..., "validation": ...}`` (the second only with ``val_loss``).
    """
    lines = {}
    for key, label, values, color in (("train", "training", train_loss, COLORS[0]),
                                      ("validation", "validation", val_loss, COLORS[1])):
        if values is None or len(values) == 0:
            continue
        values = np.asarray(values, dtype=float)
        if values.ndim != 1:
            raise ValueError(f"{key} losses must be a 1-D sequence (one number per epoch), got shape {values.shape}")
        (lines[key],) = ax.plot(np.arange(1, len(values) + 1), values, color=color, label=label)
    if not lines:
        raise ValueError("there is no loss to plot: train_loss is empty")
    ax.set_xlabel("epoch")
    ax.set_ylabel("loss")
    if log_scale:
        ax.set_yscale("log")
    ax.legend()
    return lines


def plot_history(ax: Axes, history, metric_ax: Axes | None = None, log_scale: bool = False) -> dict[str, Line2D]:
    """Plot a ``dlcourse.training.History``: its losses on ``ax`` and, given ``metric_ax`` and a
    recorded validation metric, that metric per epoch on ``metric_ax``.

    Returns:
        The lines, keys ``"train"``, ``"validation"`` and ``"metric"`` where drawn.
    """
    lines = plot_loss_curves(ax, history.train_loss, history.val_loss or None, log_scale)
    if metric_ax is not None and history.val_metric:
        values = np.asarray(history.val_metric, dtype=float)
        (lines["metric"],) = metric_ax.plot(np.arange(1, len(values) + 1), values, color=COLORS[2])
        metric_ax.set_xlabel("epoch")
        metric_ax.set_ylabel(f"validation {history.metric_name or 'metric'}")
    return lines

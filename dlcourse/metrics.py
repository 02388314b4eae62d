"""Evaluation metrics in NumPy (chapter 04), written to agree with scikit-learn.

Classification metrics take integer labels ``y_true`` and ``y_pred`` of shape (N,). The classes
they report on are ``labels`` (default: the sorted union of the labels in ``y_true`` and
``y_pred``, as scikit-learn does).

Confusion matrix:  ``C[i, j] = #{m : y_m = labels[i] and yhat_m = labels[j]}`` (rows true,
columns predicted).

Per class k:  ``precision_k = C[k, k] / sum_j C[j, k]``,  ``recall_k = C[k, k] / sum_j C[k, j]``,
``F1_k = 2 precision_k recall_k / (precision_k + recall_k) = 2 TP / (2 TP + FP + FN)``.
"macro" averages the per-class values with equal weight.

A ratio with a zero denominator (a class never predicted has no precision; a class absent from
``y_true`` has no recall; F1 when TP = FP = FN = 0) is undefined: ``zero_division`` says what to
report instead, as in scikit-learn: ``"warn"`` (0 and an ``UndefinedMetricWarning``), ``0``, ``1``
or ``np.nan`` (left out of the macro average).
"""

from __future__ import annotations

import warnings
from typing import NamedTuple

import numpy as np

from dlcourse._validate import as_float_array, as_labels, check_same_length

__all__ = [
    "accuracy",
    "confusion_matrix",
    "precision_recall_f1",
    "precision",
    "recall",
    "f1_score",
    "rmse",
    "ClassificationScores",
    "UndefinedMetricWarning",
]


class UndefinedMetricWarning(UserWarning):
    """A precision, recall or F1 had a zero denominator and was replaced by 0 (``zero_division="warn"``)."""


class ClassificationScores(NamedTuple):
    """Per-class arrays of shape (K,) (``average=None``) or macro-averaged floats; ``support`` is
    the number of true examples of each class (None when averaged)."""

    precision: np.ndarray | float
    recall: np.ndarray | float
    f1: np.ndarray | float
    support: np.ndarray | None


def _labels_pair(y_true, y_pred) -> tuple[np.ndarray, np.ndarray]:
    y_true = as_labels(y_true, "y_true", accept_whole_floats=True)
    y_pred = as_labels(y_pred, "y_pred", accept_whole_floats=True)
    check_same_length(y_true, y_pred, ("y_true", "y_pred"))
    if len(y_true) == 0:
        raise ValueError("y_true and y_pred are empty: a metric needs at least one example")
    return y_true, y_pred


def accuracy(y_true, y_pred) -> float:
    """The fraction of correct predictions, ``(1/M) sum_m [yhat_m = y_m]``."""
    y_true, y_pred = _labels_pair(y_true, y_pred)
    return float(np.mean(y_true == y_pred))


def _class_positions(y: np.ndarray, labels: np.ndarray, name: str) -> np.ndarray:
    """The position of each entry of ``y`` within ``labels``; shape (N,)."""
    order = np.argsort(labels)
    found = order[np.clip(np.searchsorted(labels[order], y), 0, len(labels) - 1)]
    unknown = labels[found] != y
    if np.any(unknown):
        raise ValueError(f"{name} holds the label {y[unknown][0]}, which is not among labels {labels.tolist()}")
    return found


def confusion_matrix(y_true, y_pred, labels=None) -> np.ndarray:
    """``C[i, j]``: how many examples of true class ``labels[i]`` were predicted as ``labels[j]``.

    Args:
        y_true, y_pred: shape (N,), integer labels.
        labels: the K classes, in the order of the rows and columns; default the sorted union of
            both label arrays. Pass ``range(K)`` to get a K x K matrix even when a class is missing.

    Returns:
        shape (K, K), int64; each row sums to that class's support.
    """
    y_true, y_pred = _labels_pair(y_true, y_pred)
    if labels is None:
        labels = np.union1d(y_true, y_pred)
    else:
        labels = as_labels(list(labels), "labels", accept_whole_floats=True)
        if len(np.unique(labels)) != len(labels) or len(labels) == 0:
            raise ValueError(f"labels must be distinct and not empty, got {labels.tolist()}")
    k = len(labels)
    rows = _class_positions(y_true, labels, "y_true")
    columns = _class_positions(y_pred, labels, "y_pred")
    return np.bincount(rows * k + columns, minlength=k * k).reshape(k, k).astype(np.int64)


def _divide(numerator: np.ndarray, denominator: np.ndarray, zero_division, what: str) -> np.ndarray:
    """numerator / denominator, with ``zero_division`` where the denominator is 0."""
    undefined = denominator == 0
    result = numerator / np.where(undefined, 1, denominator)
    if np.any(undefined):
        if isinstance(zero_division, str) and zero_division == "warn":
            warnings.warn(
                f"{what} is undefined for {int(undefined.sum())} class(es) (zero denominator) and was set "
                "to 0; pass zero_division=0, 1 or np.nan to choose the value and silence this warning",
                UndefinedMetricWarning,
                stacklevel=3,
            )
            zero_division = 0.0
        result = np.where(undefined, float(zero_division), result)
    return result


def _check_zero_division(zero_division):
    if isinstance(zero_division, str):
        if zero_division != "warn":
            raise ValueError(f'zero_division must be "warn", 0, 1 or np.nan, got {zero_division!r}')
        return zero_division
    value = float(zero_division)
    if not (value in (0.0, 1.0) or np.isnan(value)):
        raise ValueError(f'zero_division must be "warn", 0, 1 or np.nan, got {zero_division!r}')
    return value


def precision_recall_f1(y_true, y_pred, labels=None, average: str | None = None,
                        zero_division="warn") -> ClassificationScores:
    """Precision, recall and F1 of each class (``average=None``) or their macro averages
    (``average="macro"``), from the confusion matrix (see the module docstring for the equations
    and the zero-division policy). Agrees with ``sklearn.metrics.precision_recall_fscore_support``.
    """
    if average not in (None, "macro"):
        raise ValueError(f'average must be None (per class) or "macro", got {average!r}')
    zero_division = _check_zero_division(zero_division)
    matrix = confusion_matrix(y_true, y_pred, labels)
    true_positive = np.diag(matrix).astype(float)
    predicted = matrix.sum(axis=0)  # column sums: TP + FP
    support = matrix.sum(axis=1)  # row sums: TP + FN
    precision_k = _divide(true_positive, predicted, zero_division, "precision")
    recall_k = _divide(true_positive, support, zero_division, "recall")
    # 2 TP / (2 TP + FP + FN) equals the harmonic mean wherever that is defined, and is undefined
    # only for a class that occurs in neither y_true nor y_pred.
    f1_k = _divide(2 * true_positive, predicted + support, zero_division, "F1")
    if average is None:
        return ClassificationScores(precision_k, recall_k, f1_k, support)

    def mean(values: np.ndarray) -> float:
        defined = values[~np.isnan(values)]
        return float(defined.mean()) if len(defined) else float("nan")

    return ClassificationScores(mean(precision_k), mean(recall_k), mean(f1_k), None)


def precision(y_true, y_pred, labels=None, average: str | None = None, zero_division="warn"):
    """Precision per class, shape (K,), or its macro average (see :func:`precision_recall_f1`)."""
    return precision_recall_f1(y_true, y_pred, labels, average, zero_division).precision


def recall(y_true, y_pred, labels=None, average: str | None = None, zero_division="warn"):
    """Recall per class, shape (K,), or its macro average (see :func:`precision_recall_f1`)."""
    return precision_recall_f1(y_true, y_pred, labels, average, zero_division).recall


def f1_score(y_true, y_pred, labels=None, average: str | None = None, zero_division="warn"):
    """F1 per class, shape (K,), or its macro average (see :func:`precision_recall_f1`)."""
    return precision_recall_f1(y_true, y_pred, labels, average, zero_division).f1


def rmse(y_true, y_pred) -> float:
    """Root-mean-squared error ``sqrt((1/M) sum_m (yhat_m - y_m)^2)``, in the units of y.

    Args:
        y_true, y_pred: arrays of the same shape, (M,) or (M, D) (then averaged over all entries).
    """
    y_true = as_float_array(y_true, "y_true")
    y_pred = as_float_array(y_pred, "y_pred", shape=y_true.shape)
    if y_true.size == 0:
        raise ValueError("y_true and y_pred are empty: RMSE needs at least one example")
    return float(np.sqrt(np.mean((y_pred - y_true) ** 2)))

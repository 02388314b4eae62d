"""Preprocessing of features (standardization) and of labels (one-hot encoding)."""

from __future__ import annotations

import numpy as np

from dlcourse._validate import as_float_array, as_positive_int

__all__ = ["standardize", "one_hot"]


def standardize(X: np.ndarray) -> np.ndarray:
    """Rescale every column of ``X`` to mean 0 and standard deviation 1.

    ``Z[n, d] = (X[n, d] - mean_d) / std_d`` with ``mean_d = (1/N) sum_n X[n, d]`` and
    ``std_d = sqrt((1/N) sum_n (X[n, d] - mean_d)^2)``. A constant column (``std_d = 0``) has
    nothing to rescale and becomes a column of zeros.

    Args:
        X: array of shape (N, D), N examples of D features.

    Returns:
        Z: array of shape (N, D); ``X`` itself is not modified.
    """
    X = as_float_array(X, "X", ndim=2)
    mean = X.mean(axis=0)                      # (D,)
    std = X.std(axis=0)                        # (D,)
    safe_std = np.where(std > 0, std, 1.0)     # constant columns: centred to 0, not divided by 0
    return (X - mean) / safe_std


def one_hot(labels, num_classes: int) -> np.ndarray:
    """One-hot rows for integer class labels: ``Y[n, k] = 1 if labels[n] == k else 0``.

    The label ``y_n`` of the notes' categorical model becomes the vector ``y_n`` with a single 1, so
    that ``prod_k pi_k^{y_k}`` picks the probability of the observed class
    (``torch.nn.functional.one_hot``; that one returns integers, this one floats, ready to be
    multiplied with probabilities).

    Args:
        labels: integer array of shape (N,) (any shape works: one new last axis is added), values in
            [0, num_classes).
        num_classes: K, the number of classes.

    Returns:
        Float array of shape (N, K).
    """
    num_classes = as_positive_int(num_classes, "num_classes")
    labels = np.asarray(labels)
    if labels.dtype == bool or not np.issubdtype(labels.dtype, np.integer):
        raise TypeError(f"labels must hold integer class indices, got dtype {labels.dtype}")
    if labels.size and (labels.min() < 0 or labels.max() >= num_classes):
        raise ValueError(
            f"labels must lie in [0, {num_classes - 1}] for num_classes={num_classes}, "
            f"got values from {labels.min()} to {labels.max()}"
        )
    return (labels[..., None] == np.arange(num_classes)).astype(float)  # (..., K) by broadcasting

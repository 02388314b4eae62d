"""Logistic regression: the Bernoulli GLM with the logistic inverse link, ``E[y | x] = s(w^T x)``
(notes sections 1.5, 1.6 and 2.2).

``w`` and ``X`` may be a single weight and a feature vector (the one-parameter model of chapter
02, ``w`` a number and ``x`` of shape (N,)) or a weight vector and a feature matrix (chapter 03,
``w`` of shape (D,) and ``X`` of shape (N, D)).
"""

from __future__ import annotations

import numpy as np

from dlcourse._validate import as_float_array
from dlcourse.scratch.activations import logistic
from dlcourse.scratch.losses import binary_cross_entropy_with_logits

__all__ = ["logistic_regression_logits", "logistic_regression_loss", "logistic_regression_gradient"]


def logistic_regression_logits(w, X) -> np.ndarray:
    """The linear part ``z_n = w^T x_n``, shape (N,): ``w * x`` for one weight, ``X @ w`` else."""
    w = as_float_array(w, "w")
    X = as_float_array(X, "X")
    if w.ndim == 0:
        if X.ndim != 1:
            raise ValueError(f"with a single weight w, x must have shape (N,), got shape {X.shape}")
        return w * X
    if w.ndim != 1 or X.ndim != 2 or X.shape[1] != w.shape[0]:
        raise ValueError(f"w of shape (D,) needs X of shape (N, D); got w {w.shape} and X {X.shape}")
    return X @ w


def logistic_regression_loss(w, X, y) -> float:
    """Average binary cross-entropy ``(1/N) sum_n -[y_n log s(z_n) + (1 - y_n) log(1 - s(z_n))]``
    with ``z_n = w^T x_n``, computed from the logits without overflow.

    Args:
        w: a number, or shape (D,).
        X: shape (N,) for one weight, (N, D) for a weight vector.
        y: labels in {0, 1} (or probabilities), shape (N,).
    """
    logits = logistic_regression_logits(w, X)
    return binary_cross_entropy_with_logits(logits, as_float_array(y, "y", shape=logits.shape))


def logistic_regression_gradient(w, X, y):
    """Gradient of :func:`logistic_regression_loss` with respect to ``w``:

    ``(1/N) sum_n (s(w^T x_n) - y_n) x_n = X^T (s(X w) - y) / N``:
    the prediction error ``E[y | x_n] - y_n`` weighted by the features.

    Returns:
        A float for a single weight, an array of shape (D,) for a weight vector.
    """
    logits = logistic_regression_logits(w, X)
    X = as_float_array(X, "X")
    errors = logistic(logits) - as_float_array(y, "y", shape=logits.shape)   # (N,)
    if X.ndim == 1:
        return float(np.mean(errors * X))
    return X.T @ errors / X.shape[0]

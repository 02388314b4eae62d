"""Softmax regression (multinomial logistic regression): the categorical GLM
``E[y | x] = softmax(W^T x)`` with a (D, K) weight matrix (notes sections 2.3 and 3.3)."""

from __future__ import annotations

import numpy as np
from scipy.optimize import minimize
from threadpoolctl import threadpool_limits

from dlcourse._validate import as_float_array, as_labels, as_non_negative_float, as_positive_int
from dlcourse.scratch.activations import softmax
from dlcourse.scratch.losses import cross_entropy_with_logits
from dlcourse.scratch.preprocessing import one_hot

__all__ = [
    "softmax_regression_loss",
    "softmax_regression_gradient",
    "fit_softmax_regression",
    "softmax_regression_probabilities",
    "softmax_regression_predict",
]


def _check(W, X):
    X = as_float_array(X, "X", dims="N, D")
    W = as_float_array(W, "W", dims="D, K")
    if W.shape[0] != X.shape[1]:
        raise ValueError(f"W must have shape (D, K) with D = {X.shape[1]} (the columns of X), got shape {W.shape}")
    return W, X


def softmax_regression_probabilities(W, X) -> np.ndarray:
    """Class probabilities ``softmax(X W)`` row by row, shape (N, K)."""
    W, X = _check(W, X)
    return softmax(X @ W, axis=1)


def softmax_regression_predict(W, X) -> np.ndarray:
    """The most probable class of each row, shape (N,), int64."""
    W, X = _check(W, X)
    return np.argmax(X @ W, axis=1)


def softmax_regression_loss(W, X, y, l2: float = 0.0) -> float:
    """Average categorical cross-entropy plus the L2 penalty:

    ``(1/N) sum_n -log softmax_{y_n}(W^T x_n) + l2 * sum_{d,k} W_dk^2``.

    Args:
        W: shape (D, K); X: shape (N, D); y: integer labels in [0, K), shape (N,); l2 >= 0.
    """
    W, X = _check(W, X)
    l2 = as_non_negative_float(l2, "l2")
    return cross_entropy_with_logits(X @ W, y) + l2 * float(np.sum(W**2))


def softmax_regression_gradient(W, X, y, l2: float = 0.0) -> np.ndarray:
    """Gradient of :func:`softmax_regression_loss`: ``X^T (P - Y) / N + 2 l2 W`` (eq. 19 for
    every column at once), with ``P = softmax(X W)`` and ``Y`` the one-hot labels. Shape (D, K)."""
    W, X = _check(W, X)
    l2 = as_non_negative_float(l2, "l2")
    labels = as_labels(y, "y", X.shape[0], W.shape[1])
    P = softmax(X @ W, axis=1)                                    # (N, K)
    return X.T @ (P - one_hot(labels, W.shape[1])) / X.shape[0] + 2 * l2 * W


def fit_softmax_regression(X, y, num_classes: int, l2: float = 0.0, max_iter: int = 500) -> np.ndarray:
    """Weights minimizing :func:`softmax_regression_loss`, from ``W = 0``.

    The loss is convex, so any good optimizer finds the same minimum; this uses L-BFGS (SciPy)
    with the exact gradient, which converges in tens of iterations where plain gradient descent
    needs thousands, fast enough for a widget to refit on every change of a control. Without a
    penalty on separable data the weights grow without bound: ``max_iter`` stops them.

    Args:
        X: shape (N, D); y: labels in [0, num_classes), shape (N,); l2 >= 0.

    Returns:
        W: shape (D, K).
    """
    X = as_float_array(X, "X", dims="N, D")
    k = as_positive_int(num_classes, "num_classes")
    y = as_labels(y, "y", X.shape[0], k)
    shape = (X.shape[1], k)

    def loss_and_gradient(flat):
        W = flat.reshape(shape)
        return softmax_regression_loss(W, X, y, l2), softmax_regression_gradient(W, X, y, l2).ravel()

    # One BLAS thread: for matrices this small, OpenBLAS's threads only wait for each other (on a
    # busy 2-core machine they made the fit about six times slower).
    with threadpool_limits(limits=1, user_api="blas"):
        result = minimize(loss_and_gradient, np.zeros(shape).ravel(), jac=True, method="L-BFGS-B",
                          options={"maxiter": as_positive_int(max_iter, "max_iter")})
    return result.x.reshape(shape)

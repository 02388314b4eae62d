"""Linear models fitted in closed form."""

from __future__ import annotations

import numpy as np

from dlcourse._validate import as_float_array, as_non_negative_float

__all__ = ["fit_slope", "fit_least_squares", "fit_ridge"]


def fit_slope(x: np.ndarray, y: np.ndarray) -> float:
    """Least-squares slope of a line through the origin, ``f(x) = w x``.

    Setting the derivative of ``(1/N) sum_n (w x_n - y_n)^2`` to zero gives
    ``w* = sum_n x_n y_n / sum_n x_n^2 = (y^T x) / (x^T x)``.

    Args:
        x: features, shape (N,), not all zero.
        y: responses, shape (N,).

    Returns:
        The slope ``w*`` as a float.
    """
    x = as_float_array(x, "x", ndim=1)
    y = as_float_array(y, "y", shape=x.shape)
    denominator = x @ x
    if denominator == 0:
        raise ValueError("fit_slope needs at least one non-zero x: with x = 0 every slope fits equally well")
    return float(y @ x / denominator)


def fit_least_squares(X: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Least-squares weights of the linear model ``f(x) = w^T x``: the minimizer of
    ``(1/N) ||X w - y||^2``, i.e. the solution of the normal equations ``X^T X w = X^T y``.

    Solved with ``np.linalg.lstsq`` (an orthogonal factorization), which stays accurate when
    ``X^T X`` is badly conditioned, as it is for high-degree polynomial features, and returns the
    minimum-norm solution when the columns are dependent.

    Args:
        X: features, shape (N, D) (add a bias column for an offset).
        y: responses, shape (N,).

    Returns:
        w: shape (D,).
    """
    X = as_float_array(X, "X", ndim=2)
    y = as_float_array(y, "y", shape=(X.shape[0],))
    return np.linalg.lstsq(X, y, rcond=None)[0]


def fit_ridge(X: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    """L2-regularized least squares (ridge regression): the minimizer of

    ``(1/N) ||X w - y||^2 + l2 * ||w||^2``.

    Setting the gradient ``(2/N) X^T (X w - y) + 2 l2 w`` to zero gives
    ``(X^T X + N l2 I) w = X^T y``. Every weight is penalized, the bias too if ``X`` has a bias
    column (the notes' form of the penalty).

    Args:
        X: features, shape (N, D).
        y: responses, shape (N,).
        l2: the penalty strength, >= 0 (0 gives least squares).

    Returns:
        w: shape (D,).
    """
    X = as_float_array(X, "X", ndim=2)
    y = as_float_array(y, "y", shape=(X.shape[0],))
    l2 = as_non_negative_float(l2, "l2")
    if l2 == 0:
        return fit_least_squares(X, y)
    n, d = X.shape
    return np.linalg.solve(X.T @ X + n * l2 * np.eye(d), X.T @ y)

"""Linear models fitted in closed form."""

from __future__ import annotations

import numpy as np

from dlcourse._validate import as_float_array, as_non_negative_float, as_positive_int

__all__ = ["fit_slope", "fit_least_squares", "fit_ridge", "ridge_loss", "ridge_gradient", "fit_lasso",
           "soft_threshold"]


def _check_data(X, y) -> tuple[np.ndarray, np.ndarray]:
    """Features X (N, D) and responses y (N,) as float arrays."""
    X = as_float_array(X, "X", ndim=2)
    return X, as_float_array(y, "y", shape=(X.shape[0],))


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
    X, y = _check_data(X, y)
    return np.linalg.lstsq(X, y, rcond=None)[0]


def _penalty_mask(d: int, penalize_bias: bool) -> np.ndarray:
    """Which of the D weights the L2 penalty acts on: all of them, or all but w_0 (the weight of
    a bias column of ones in column 0 of X). Shape (D,), float (1 penalized, 0 free)."""
    mask = np.ones(d)
    if not penalize_bias:
        mask[0] = 0.0
    return mask


def fit_ridge(X: np.ndarray, y: np.ndarray, l2: float, penalize_bias: bool = True) -> np.ndarray:
    """L2-regularized least squares (ridge regression): the minimizer of

    ``(1/N) ||X w - y||^2 + l2 * sum_d m_d w_d^2``,

    with ``m_d = 1`` for every weight, or, with ``penalize_bias=False``, ``m_0 = 0``: column 0 of
    ``X`` is then the bias column of ones and its weight is left free (shifting every label by a
    constant then shifts the fit by that constant). Setting the gradient
    ``(2/N) X^T (X w - y) + 2 l2 m * w`` to zero gives ``(X^T X + N l2 diag(m)) w = X^T y``.

    Args:
        X: features, shape (N, D).
        y: responses, shape (N,).
        l2: the penalty strength, >= 0 (0 gives least squares).
        penalize_bias: whether w_0 is penalized too (the default) or not.

    Returns:
        w: shape (D,).
    """
    X, y = _check_data(X, y)
    l2 = as_non_negative_float(l2, "l2")
    if l2 == 0:
        return fit_least_squares(X, y)
    n, d = X.shape
    return np.linalg.solve(X.T @ X + n * l2 * np.diag(_penalty_mask(d, penalize_bias)), X.T @ y)


def _check_linear(w, X, y) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    X, y = _check_data(X, y)
    return as_float_array(w, "w", shape=(X.shape[1],)), X, y


def ridge_loss(w, X, y, l2: float, penalize_bias: bool = True) -> float:
    """The ridge objective ``(1/N) ||X w - y||^2 + l2 * ||w||^2`` (without w_0 in the penalty when
    ``penalize_bias=False``, see :func:`fit_ridge`).

    Args:
        w: shape (D,); X: shape (N, D); y: shape (N,); l2 >= 0.
    """
    w, X, y = _check_linear(w, X, y)
    l2 = as_non_negative_float(l2, "l2")
    residual = X @ w - y  # (N,)
    penalized = w * _penalty_mask(len(w), penalize_bias)
    return float(residual @ residual / X.shape[0] + l2 * (penalized @ penalized))


def ridge_gradient(w, X, y, l2: float, penalize_bias: bool = True) -> np.ndarray:
    """Gradient of :func:`ridge_loss`: ``(2/N) X^T (X w - y) + 2 l2 w`` (with 0 in place of
    ``2 l2 w_0`` when ``penalize_bias=False``), shape (D,)."""
    w, X, y = _check_linear(w, X, y)
    l2 = as_non_negative_float(l2, "l2")
    return 2 / X.shape[0] * X.T @ (X @ w - y) + 2 * l2 * _penalty_mask(len(w), penalize_bias) * w


def soft_threshold(v, threshold: float) -> np.ndarray:
    """``sign(v) * max(|v| - threshold, 0)`` elementwise: the proximal step of the L1 penalty,
    which sets every entry with ``|v| <= threshold`` exactly to zero."""
    v = as_float_array(v, "v")
    return np.sign(v) * np.maximum(np.abs(v) - as_non_negative_float(threshold, "threshold"), 0.0)


def fit_lasso(X, y, l1: float, max_iter: int = 5000, tol: float = 1e-10) -> np.ndarray:
    """L1-regularized least squares (the lasso): the minimizer of

    ``(1/N) ||X w - y||^2 + l1 * ||w||_1``.

    The penalty has a kink at 0, so there is no closed form and plain gradient descent zig-zags
    around zero; proximal gradient descent (FISTA, Beck and Teboulle 2009) takes a gradient step
    on the squared loss and then :func:`soft_threshold`, which lands many weights exactly on 0.

    Args:
        X: shape (N, D); y: shape (N,); l1 >= 0 (0 gives least squares, slowly).
        max_iter: the most iterations; tol: stop when no weight moves by more than this.

    Returns:
        w: shape (D,), with exact zeros where the penalty switched a feature off.
    """
    X, y = _check_data(X, y)
    l1 = as_non_negative_float(l1, "l1")
    max_iter = as_positive_int(max_iter, "max_iter")
    n, d = X.shape
    lipschitz = 2 / n * np.linalg.norm(X, 2) ** 2  # largest curvature of the squared loss
    if lipschitz == 0:
        return np.zeros(d)
    step = 1 / lipschitz
    w = np.zeros(d)
    momentum_point, t = w.copy(), 1.0
    for _ in range(max_iter):
        gradient = 2 / n * X.T @ (X @ momentum_point - y)
        w_next = soft_threshold(momentum_point - step * gradient, step * l1)
        t_next = (1 + np.sqrt(1 + 4 * t * t)) / 2
        momentum_point = w_next + (t - 1) / t_next * (w_next - w)
        converged = np.max(np.abs(w_next - w)) <= tol
        w, t = w_next, t_next
        if converged:
            break
    return w

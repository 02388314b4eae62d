"""Linear models fitted in closed form."""

from __future__ import annotations

import numpy as np

from dlcourse._validate import as_float_array

__all__ = ["fit_slope"]


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

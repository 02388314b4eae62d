"""Feature expansions: turn a linear model into a more expressive one without changing how it is
fitted (notes section 2.1)."""

from __future__ import annotations

from itertools import combinations_with_replacement

import numpy as np

from dlcourse._validate import as_float_array, as_non_negative_int

__all__ = ["add_bias_column", "polynomial_features"]


def add_bias_column(X) -> np.ndarray:
    """Prepend a column of ones, so that the offset is one more weight: ``[1, x]``.

    Args:
        X: features, shape (N, D) (or (N,) for one feature).

    Returns:
        Shape (N, D + 1); column 0 is all ones.
    """
    X = as_float_array(X, "X")
    if X.ndim == 1:
        X = X[:, None]
    if X.ndim != 2:
        raise ValueError(f"X must have shape (N, D) or (N,), got shape {X.shape}")
    return np.hstack([np.ones((X.shape[0], 1)), X])


def polynomial_features(X, degree: int, include_bias: bool = True) -> np.ndarray:
    """The polynomial basis of total degree ``degree``.

    For one feature, ``x`` of shape (N,), the columns are ``[1, x, x^2, ..., x^K]`` (shape
    (N, K + 1)). For D features, ``X`` of shape (N, D), the columns are every monomial
    ``x_1^{a_1} ... x_D^{a_D}`` with ``a_1 + ... + a_D <= K``, by increasing degree and, within
    a degree, in the order of ``sklearn.preprocessing.PolynomialFeatures``: for D = 2 and K = 2,
    ``[1, x1, x2, x1^2, x1 x2, x2^2]``.

    Args:
        X: shape (N,) or (N, D).
        degree: K >= 0.
        include_bias: keep the constant column.

    Returns:
        Shape (N, number of monomials), ``(N, K + 1)`` for one feature.
    """
    X = as_float_array(X, "X")
    degree = as_non_negative_int(degree, "degree")
    if X.ndim == 1:
        X = X[:, None]
    if X.ndim != 2:
        raise ValueError(f"X must have shape (N,) or (N, D), got shape {X.shape}")
    columns = []
    for total in range(0 if include_bias else 1, degree + 1):
        for combination in combinations_with_replacement(range(X.shape[1]), total):
            columns.append(np.prod(X[:, list(combination)], axis=1))  # () -> product of nothing = 1
    if not columns:
        return np.empty((X.shape[0], 0))
    return np.stack(columns, axis=1)

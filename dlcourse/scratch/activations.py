"""Activation functions, written to stay finite for any input."""

from __future__ import annotations

import numpy as np

__all__ = ["logistic"]


def logistic(z):
    """The logistic (sigmoid) function ``1 / (1 + exp(-z))``, elementwise, without overflow.

    For ``z >= 0`` it evaluates ``1 / (1 + exp(-z))``; for ``z < 0`` the equal form
    ``exp(z) / (1 + exp(z))``, so ``exp`` only ever sees non-positive arguments.

    Args:
        z: a number or an array of any shape.

    Returns:
        Values in [0, 1] with the shape of ``z``.
    """
    z = np.asarray(z, dtype=float)
    exp_minus_abs = np.exp(-np.abs(z))  # in (0, 1]: never overflows
    return np.where(z >= 0, 1.0 / (1.0 + exp_minus_abs), exp_minus_abs / (1.0 + exp_minus_abs))

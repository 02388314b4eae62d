"""Feature preprocessing."""

from __future__ import annotations

import numpy as np

__all__ = ["standardize"]


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
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"standardize expects X of shape (N, D), got shape {X.shape}")
    mean = X.mean(axis=0)                      # (D,)
    std = X.std(axis=0)                        # (D,)
    safe_std = np.where(std > 0, std, 1.0)     # constant columns: centred to 0, not divided by 0
    return (X - mean) / safe_std

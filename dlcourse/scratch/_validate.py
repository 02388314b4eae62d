"""Input checks shared by the from-scratch implementations: wrong input fails with a message
that names what was expected."""

from __future__ import annotations

import numpy as np


def as_float_array(
    value,
    name: str,
    *,
    ndim: int | None = None,
    shape: tuple[int, ...] | None = None,
) -> np.ndarray:
    """``value`` as a float64 array, checked against ``ndim`` or an exact ``shape``."""
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError) as error:
        raise TypeError(f"{name} must be numeric (a number or a NumPy array), got {type(value).__name__}") from error
    if ndim is not None and array.ndim != ndim:
        expected = {0: "a single number", 1: "shape (N,)", 2: "shape (N, D)"}.get(ndim, f"{ndim} dimensions")
        raise ValueError(f"{name} must have {expected}, got shape {array.shape}")
    if shape is not None and array.shape != tuple(shape):
        raise ValueError(f"{name} must have shape {tuple(shape)}, got shape {array.shape}")
    return array


def check_positive(array: np.ndarray, name: str) -> None:
    if np.any(~(array > 0)):
        raise ValueError(f"{name} must be positive everywhere, got minimum {np.min(array)}")


def check_probabilities(array: np.ndarray, name: str) -> None:
    if np.any((array < 0) | (array > 1)) or np.any(np.isnan(array)):
        raise ValueError(f"{name} must lie in [0, 1], got values from {np.min(array)} to {np.max(array)}")

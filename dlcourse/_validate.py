"""Input checks shared by the data sets, metrics, models and plots: wrong input fails with a
message that names what was expected.

Builds on the checks of the from-scratch half (``dlcourse.scratch._validate``) so that both
halves word their errors the same way.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from dlcourse.scratch._validate import as_float_array, check_positive, check_probabilities

__all__ = [
    "as_float_array",
    "as_label_array",
    "check_choice",
    "check_fraction",
    "check_non_negative",
    "check_positive",
    "check_positive_int",
    "check_probabilities",
    "check_same_length",
]


def check_positive_int(value, name: str, *, minimum: int = 1) -> int:
    """``value`` as an ``int``; it must be an integer (not a bool) of at least ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        expected = "a positive integer" if minimum == 1 else f"an integer of at least {minimum}"
        raise ValueError(f"{name} must be {expected}, got {value!r}")
    return int(value)


def check_non_negative(value, name: str) -> float:
    """``value`` as a ``float``; it must be a finite number >= 0."""
    try:
        number = float(value)
    except (TypeError, ValueError) as error:
        raise TypeError(f"{name} must be a number, got {type(value).__name__}") from error
    if not np.isfinite(number) or number < 0:
        raise ValueError(f"{name} must be a non-negative number, got {value!r}")
    return number


def check_fraction(value, name: str, *, open_right: bool = False) -> float:
    """``value`` as a ``float`` in [0, 1] (or [0, 1) with ``open_right``)."""
    number = check_non_negative(value, name)
    if number > 1 or (open_right and number == 1):
        interval = "[0, 1)" if open_right else "[0, 1]"
        raise ValueError(f"{name} must lie in {interval}, got {value!r}")
    return number


def check_choice(value, name: str, choices: Iterable[str]) -> str:
    """``value`` must be one of the strings in ``choices``."""
    choices = tuple(choices)
    if value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, choices))}, got {value!r}")
    return value


def as_label_array(value, name: str) -> np.ndarray:
    """``value`` as a 1-D integer array of class labels, shape (N,).

    Floats are accepted only when they are whole numbers (labels read back from a float array).
    """
    array = np.asarray(value)
    if array.ndim != 1:
        raise ValueError(f"{name} must be a 1-D array of class labels, shape (N,), got shape {array.shape}")
    if array.dtype == bool:
        return array.astype(np.int64)
    if np.issubdtype(array.dtype, np.integer):
        return array.astype(np.int64)
    if np.issubdtype(array.dtype, np.floating) and np.all(np.isfinite(array)) and np.all(array == np.round(array)):
        return array.astype(np.int64)
    raise TypeError(f"{name} must hold integer class labels, got dtype {array.dtype}")


def check_same_length(first: np.ndarray, second: np.ndarray, names: tuple[str, str]) -> None:
    """Both arrays must have the same number of rows (examples)."""
    if len(first) != len(second):
        raise ValueError(
            f"{names[0]} and {names[1]} must have the same number of examples, got {len(first)} and {len(second)}"
        )

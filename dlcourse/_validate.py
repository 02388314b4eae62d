"""Input checks for the whole package: wrong input fails with a message that names what was
expected ("x must have shape (N, C, H, W), got shape (3, 8, 8)").

``as_*`` functions convert and return the checked value; ``check_*`` functions only check.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np


def _shape_text(shape) -> str:
    """``(3,)``, ``(3, 8, 8)``: how the messages write a shape."""
    return str(tuple(int(s) for s in shape))


def as_float_array(
    value,
    name: str,
    *,
    ndim: int | None = None,
    shape: tuple[int, ...] | None = None,
    dims: str | None = None,
) -> np.ndarray:
    """``value`` as a float64 array, checked against ``ndim``, an exact ``shape`` or named ``dims``.

    ``dims`` names the axes the way docstrings do, for example ``"N, C, H, W"``: the array must have
    that many dimensions, and the message of a wrong one reads
    ``x must have shape (N, C, H, W), got shape (3, 8, 8)``. ``"..., D"`` means at least one axis.
    """
    numeric = f"{name} must be numeric (a number or a NumPy array)"
    if value is None:
        raise TypeError(f"{numeric}, got None")
    try:
        raw = np.asarray(value)
        # strings ("1.5") would parse and complex numbers lose their imaginary part, both silently
        if raw.dtype.kind not in "cUSMm":
            array = raw.astype(float, copy=False)
    except (TypeError, ValueError) as error:  # ragged lists, objects that are not numbers
        raise TypeError(f"{numeric}, got {type(value).__name__}") from error
    if raw.dtype.kind == "c":
        raise TypeError(f"{name} must hold real numbers, got dtype {raw.dtype}")
    if raw.dtype.kind in "USMm":
        raise TypeError(f"{numeric}, got {type(value).__name__} of dtype {raw.dtype}")
    if ndim is not None and array.ndim != ndim:
        expected = {0: "a single number", 1: "shape (N,)", 2: "shape (N, D)"}.get(ndim, f"{ndim} dimensions")
        raise ValueError(f"{name} must have {expected}, got shape {array.shape}")
    if shape is not None and array.shape != tuple(shape):
        raise ValueError(f"{name} must have shape {_shape_text(shape)}, got shape {array.shape}")
    if dims is not None:
        check_dims(array, name, dims)
    return array


def check_dims(array: np.ndarray, name: str, dims: str) -> None:
    """Fail unless ``array`` has as many axes as ``dims`` names (``"..., D"``: at least one)."""
    axes = [axis.strip() for axis in dims.split(",")]
    if axes[0] == "...":
        if array.ndim < len(axes) - 1:
            raise ValueError(f"{name} must have shape ({dims}), got shape {array.shape}")
    elif array.ndim != len(axes):
        raise ValueError(f"{name} must have shape ({dims}), got shape {array.shape}")


def check_shape(array: np.ndarray, name: str, expected: tuple[int, ...], why: str = "") -> None:
    """Fail unless ``array.shape == expected``; ``why`` says where the expected shape comes from."""
    if array.shape != tuple(expected):
        reason = f" ({why})" if why else ""
        raise ValueError(f"{name} must have shape {_shape_text(expected)}{reason}, got shape {array.shape}")


def as_gradient(dout, name: str, expected: tuple[int, ...]) -> np.ndarray:
    """An upstream gradient: float64 with the shape of the forward output it belongs to."""
    dout = as_float_array(dout, name)
    check_shape(dout, name, expected, "the shape of the forward output")
    return dout


def as_labels(
    labels,
    name: str,
    num_examples: int | None = None,
    num_classes: int | None = None,
    *,
    accept_whole_floats: bool = False,
) -> np.ndarray:
    """Integer class labels of shape (N,) as int64, each in ``[0, num_classes)`` when given.

    Booleans count as the labels 0 and 1. With ``accept_whole_floats``, floats that are whole
    numbers (labels read back from a float array) are accepted too.
    """
    array = np.asarray(labels)
    whole_floats = (
        accept_whole_floats and np.issubdtype(array.dtype, np.floating)
        and bool(np.all(np.isfinite(array))) and bool(np.all(array == np.round(array)))
    )
    if not (array.dtype == bool or np.issubdtype(array.dtype, np.integer) or whole_floats):
        raise TypeError(f"{name} must hold integer class labels, got dtype {array.dtype}")
    if num_examples is not None and array.shape != (num_examples,):
        raise ValueError(
            f"{name} must have shape ({num_examples},) (one class label per example), got shape {array.shape}"
        )
    if array.ndim != 1:
        raise ValueError(f"{name} must be a 1-D array of class labels, shape (N,), got shape {array.shape}")
    array = array.astype(np.int64)
    if num_classes is not None and array.size and (array.min() < 0 or array.max() >= num_classes):
        raise ValueError(
            f"{name} must lie in [0, {num_classes - 1}] ({num_classes} classes), "
            f"got values from {array.min()} to {array.max()}"
        )
    return array


def as_bool_mask(mask, name: str, target_shape: tuple[int, ...], target_text: str) -> np.ndarray:
    """A boolean mask that broadcasts to ``target_shape`` (written ``target_text`` in messages)."""
    mask = np.asarray(mask)
    if mask.dtype != bool:
        raise TypeError(f"{name} must be a boolean array (True = may attend), got dtype {mask.dtype}")
    try:
        np.broadcast_shapes(mask.shape, tuple(target_shape))
    except ValueError:
        raise ValueError(
            f"{name} must broadcast to {target_text} = {_shape_text(target_shape)}, got shape {mask.shape}"
        ) from None
    if mask.ndim > len(target_shape):
        raise ValueError(f"{name} must broadcast to {target_text} = {_shape_text(target_shape)}, got shape {mask.shape}")
    return mask


def as_positive_int(value, name: str, *, minimum: int = 1) -> int:
    """A Python int >= ``minimum`` (booleans and floats are refused: they are usually a mistake)."""
    expected = "a positive integer" if minimum == 1 else f"an integer of at least {minimum}"
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be {expected}, got {value!r}")
    if value < minimum:
        raise ValueError(f"{name} must be {expected}, got {value}")
    return int(value)


def as_non_negative_int(value, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be a non-negative integer, got {value!r}")
    if value < 0:
        raise ValueError(f"{name} must be a non-negative integer, got {value}")
    return int(value)


def as_pair(value, name: str, *, minimum: int) -> tuple[int, int]:
    """An int or a pair of ints ``(height, width)``, each at least ``minimum``, as torch accepts them."""
    pair = (value, value) if not isinstance(value, (tuple, list)) else tuple(value)
    if len(pair) != 2 or any(isinstance(v, bool) or not isinstance(v, (int, np.integer)) for v in pair):
        raise TypeError(f"{name} must be an integer or a pair of integers (height, width), got {value!r}")
    if any(v < minimum for v in pair):
        raise ValueError(f"{name} must be at least {minimum}, got {value!r}")
    return int(pair[0]), int(pair[1])


def as_probability(value, name: str, *, allow_one: bool = True) -> float:
    """A float in [0, 1] (or [0, 1) when ``allow_one`` is False)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name} must be a number in [0, 1], got {value!r}")
    value = float(value)
    upper_ok = value <= 1 if allow_one else value < 1
    if not (value >= 0 and upper_ok):
        interval = "[0, 1]" if allow_one else "[0, 1)"
        raise ValueError(f"{name} must be a probability in {interval}, got {value}")
    return value


def as_non_negative_float(value, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name} must be a non-negative number, got {value!r}")
    if not value >= 0:
        raise ValueError(f"{name} must be a non-negative number, got {value}")
    return float(value)


def check_positive(array: np.ndarray, name: str) -> None:
    if np.any(~(array > 0)):
        raise ValueError(f"{name} must be positive everywhere, got minimum {np.min(array)}")


def check_probabilities(array: np.ndarray, name: str) -> None:
    if np.any((array < 0) | (array > 1)) or np.any(np.isnan(array)):
        raise ValueError(f"{name} must lie in [0, 1], got values from {np.min(array)} to {np.max(array)}")


def check_choice(value, name: str, choices: Iterable[str]) -> str:
    """``value`` must be one of the strings in ``choices``."""
    choices = tuple(choices)
    if value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, choices))}, got {value!r}")
    return value


def check_same_length(first: np.ndarray, second: np.ndarray, names: tuple[str, str]) -> None:
    """Both arrays must have the same number of rows (examples)."""
    if len(first) != len(second):
        raise ValueError(
            f"{names[0]} and {names[1]} must have the same number of examples, got {len(first)} and {len(second)}"
        )

"""Checks for exercise test cells, with failure messages that tell a student what to fix.

A test cell calls a student's function, then checks the result against an oracle::

    check_close(fit_slope(x, y), 2.0, call="fit_slope(x, y) for x = [1, 2], y = [2, 4]",
                mistakes={"That is the slope of a line with an intercept: this model has none.": 1.5})

A failed check raises :class:`CheckFailed` (an ``AssertionError``); its message is the last line of
the traceback, in the notebook and in nbgrader's feedback. ``mistakes`` maps an explanation to the
value a known wrong implementation returns, so a common mistake gets a targeted hint instead of a
bare "wrong value".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, MutableMapping
from contextlib import contextmanager
from typing import Any

import numpy as np

__all__ = [
    "CheckFailed",
    "check_close",
    "check_shape",
    "check_true",
    "check_raises",
    "call_without_overflow",
    "reference_versions",
    "passed",
    "fmt",
]


class CheckFailed(AssertionError):
    """An exercise check failed; the message says what was wrong and what to try."""


def fmt(value: Any, precision: int = 6) -> str:
    """Short, readable text for a number or a small array (long arrays are abbreviated)."""
    if isinstance(value, (bool, np.bool_, int, np.integer)):
        return str(value)
    if isinstance(value, (float, np.floating)):
        return f"{float(value):.{precision}g}"
    array = np.asarray(value)
    if array.ndim == 0:
        return fmt(array.item(), precision)
    return np.array2string(array, precision=precision, threshold=12, edgeitems=3, separator=", ")


def _fail(message: str) -> None:
    __tracebackhide__ = True  # IPython and pytest hide this frame in tracebacks
    raise CheckFailed(message)


def _to_array(value: Any, call: str) -> np.ndarray:
    """Turn what a student returned into a float array, or fail with a message that says why not."""
    __tracebackhide__ = True
    if value is None:
        _fail(f"{call} returned None. Did you forget the `return` statement?")
    if hasattr(value, "detach") and hasattr(value, "numpy"):  # a torch tensor
        value = value.detach().cpu().numpy()
    if isinstance(value, (str, bytes)):
        _fail(f"{call} returned a {type(value).__name__} ({value!r:.60}); expected a number or a NumPy array.")
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        _fail(f"{call} returned a {type(value).__name__} ({value!r:.60}); expected a number or a NumPy array.")
    return array


def check_shape(actual: Any, shape: tuple[int, ...], *, call: str, hint: str | None = None) -> None:
    """Fail unless ``actual`` is an array (or number) of exactly ``shape``."""
    __tracebackhide__ = True
    array = _to_array(actual, call)
    if array.shape != tuple(shape):
        what = "a single number" if shape == () else f"an array of shape {tuple(shape)}"
        got = "a single number" if array.shape == () else f"an array of shape {array.shape}"
        _fail(f"{call} should return {what}, but returned {got}." + (f" {hint}" if hint else ""))


def check_close(
    actual: Any,
    expected: Any,
    *,
    call: str,
    rtol: float = 1e-7,
    atol: float = 1e-10,
    hint: str | None = None,
    mistakes: Mapping[str, Any] | None = None,
) -> None:
    """Fail unless ``actual`` equals ``expected`` up to ``|actual - expected| <= atol + rtol |expected|``.

    Args:
        actual: what the student's code returned (number, array or torch tensor).
        expected: the oracle's answer; its shape is the shape the student must return
            (a size-1 array is accepted where a single number is expected).
        call: how the student's function was called, as the student would read it.
        hint: what to try, added to a generic failure message.
        mistakes: explanation -> value that a known wrong implementation gives. When ``actual``
            matches one of these values, the message names that mistake.
    """
    __tracebackhide__ = True
    array = _to_array(actual, call)
    target = np.asarray(expected, dtype=float)

    if target.ndim == 0:
        if array.size != 1:
            _fail(
                f"{call} should return a single number, but returned an array of shape {array.shape}."
                + (f" {hint}" if hint else " Did you forget to average (or sum) over the data?")
            )
        array = array.reshape(())
    elif array.shape != target.shape:
        _fail(
            f"{call} should return an array of shape {target.shape}, but returned shape {array.shape}."
            + (f" {hint}" if hint else "")
        )

    bad = ~np.isfinite(array) & np.isfinite(target)
    if bad.any():
        where = "" if array.ndim == 0 else f" at index {tuple(int(i) for i in np.argwhere(bad)[0])}"
        kind = "nan" if np.isnan(array[bad]).any() else "inf"
        _fail(
            f"{call} returned {kind}{where} where {fmt(target[bad].flat[0]) if target.ndim else fmt(target)} "
            "was expected." + (f" {hint}" if hint else " Look for an overflow, a log of 0, or a division by 0.")
        )

    if np.allclose(array, target, rtol=rtol, atol=atol, equal_nan=True):
        return

    for explanation, wrong in (mistakes or {}).items():
        wrong = np.asarray(wrong, dtype=float)
        if wrong.shape == target.shape and np.allclose(array, wrong, rtol=max(rtol, 1e-6), atol=atol, equal_nan=True):
            _fail(f"{call} returned {fmt(array)}, but it should be {fmt(target)}. {explanation}")

    message = f"{call} returned {fmt(array)}, but it should be {fmt(target)}."
    if array.ndim > 0:
        error = np.abs(array - target) - (atol + rtol * np.abs(target))
        worst = tuple(int(i) for i in np.unravel_index(np.nanargmax(error), error.shape))
        wrong_count = int(np.sum(~np.isclose(array, target, rtol=rtol, atol=atol, equal_nan=True)))
        message += (
            f" {wrong_count} of {array.size} entries differ; the largest difference is at index {worst}: "
            f"got {fmt(array[worst])}, expected {fmt(target[worst])}."
        )
    _fail(message + (f" {hint}" if hint else ""))


def check_true(condition: Any, message: str) -> None:
    """Fail with ``message`` unless ``condition`` holds."""
    __tracebackhide__ = True
    if not bool(condition):
        _fail(message)


def check_raises(
    function: Callable[[], Any],
    exception: type[BaseException] | tuple[type[BaseException], ...],
    *,
    call: str,
    hint: str | None = None,
) -> None:
    """Fail unless calling ``function()`` raises ``exception``."""
    __tracebackhide__ = True
    try:
        function()
    except exception:
        return
    except Exception as error:  # noqa: BLE001 - any other error is the student's to see
        names = exception.__name__ if isinstance(exception, type) else " or ".join(e.__name__ for e in exception)
        _fail(f"{call} raised {type(error).__name__} ({error}); it should raise {names}." + (f" {hint}" if hint else ""))
    names = exception.__name__ if isinstance(exception, type) else " or ".join(e.__name__ for e in exception)
    _fail(f"{call} should raise {names}, but it returned normally." + (f" {hint}" if hint else ""))


def call_without_overflow(function: Callable[..., Any], *args: Any, call: str, hint: str | None = None,
                          **kwargs: Any) -> Any:
    """Call ``function(*args, **kwargs)`` with NumPy's floating-point errors turned into a failure.

    An overflow (``exp`` of a large number), an invalid operation (``inf - inf``, ``0 * inf``) or a
    division by zero (``log(0)``) fails with a message naming it, instead of silently producing
    ``inf`` or ``nan``. Underflow to 0 is allowed: it is harmless. Returns what the function returned.
    """
    __tracebackhide__ = True
    try:
        with np.errstate(over="raise", invalid="raise", divide="raise"):
            return function(*args, **kwargs)
    except FloatingPointError as error:
        problem = str(error)  # e.g. "overflow encountered in exp"
    _fail(f"{call} hit a floating-point error: {problem}." + (f" {hint}" if hint else ""))


@contextmanager
def reference_versions(namespace: MutableMapping[str, Any], **references: Any) -> Iterator[None]:
    """Grade an exercise on its own: inside the block, the names given point at reference
    implementations, so that an answer which calls a function of an earlier exercise (say
    ``logistic_derivative`` calling ``logistic``) is not failed by a mistake made there.

    Use it in a test cell as ``with reference_versions(globals(), logistic=reference.logistic):``.
    The student's own definitions are restored afterwards.
    """
    missing = object()
    saved = {name: namespace.get(name, missing) for name in references}
    namespace.update(references)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is missing:
                namespace.pop(name, None)
            else:
                namespace[name] = value


def passed(name: str) -> None:
    """Print the line a test cell ends with when every check in it passed."""
    print(f"All checks of {name} passed.")

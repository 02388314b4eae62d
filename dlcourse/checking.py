"""Checks for exercise test cells, with failure messages that tell a student what to fix.

A test cell calls a student's function, then checks the result against an oracle::

    check_close(fit_slope(x, y), 2.0, call="fit_slope(x, y) for x = [1, 2], y = [2, 4]",
                mistakes={"That is the slope of a line with an intercept: this model has none.": 1.5})

A failed check raises :class:`CheckFailed` (an ``AssertionError``); its message is the last line of
the traceback, in the notebook and in nbgrader's feedback. ``mistakes`` maps an explanation to the
value a known wrong implementation returns, so a common mistake gets a targeted hint instead of a
bare "wrong value".

Every failure carries a *mistake identifier*, a short stable name of what went wrong
(``returns-none``, ``wrong-shape``, ``mutates-argument``, or a chapter's own such as
``missing-bias-gradient``). It ends the message as ``[mistake: <id>]``, so an instructor's report
can count the class's mistakes by identifier from the graded notebooks' outputs: rewording a message
does not split its category. Generic checks name their own; a test names a specific diagnosis with
``mistake="..."`` (or a ``("id", "explanation")`` key in ``check_close``'s ``mistakes``).
"""

from __future__ import annotations

import copy
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping
from contextlib import contextmanager
from typing import Any

import numpy as np

__all__ = [
    "CheckFailed",
    "call_answer",
    "check_type",
    "check_array",
    "check_close",
    "check_shape",
    "check_true",
    "check_raises",
    "call_without_overflow",
    "reference_versions",
    "passed",
    "fmt",
    "mistake_of",
    "GENERIC_MISTAKES",
]


#: The identifiers the generic checks give their failures, with what each means.
GENERIC_MISTAKES = {
    "not-a-function": "the exercise's name is bound to something other than a function",
    "raises-error": "the answer raised an exception",
    "calls-reference": "the answer calls the package's ready-made version of the exercise",
    "mutates-argument": "the answer changed one of its arguments in place",
    "returns-none": "the answer returned None (a missing return)",
    "wrong-type": "the answer returned a value of the wrong type",
    "wrong-dtype": "the answer returned an array of the wrong dtype",
    "wrong-shape": "the answer returned the wrong shape (or an array where a number was asked)",
    "nan-or-inf": "the answer returned nan or inf where a finite number was expected",
    "floating-point-error": "the answer overflowed, divided by zero or made an invalid operation",
    "wrong-value": "the answer returned a wrong value (no more specific diagnosis)",
    "wrong-exception": "the answer raised a different exception from the one asked for",
    "no-exception": "the answer did not raise the exception asked for",
    "check-failed": "a check without an identifier failed",
}
_MISTAKE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_MISTAKE_TAG = re.compile(r"\[mistake: ([a-z0-9]+(?:-[a-z0-9]+)*)\]\s*$")


class CheckFailed(AssertionError):
    """An exercise check failed; the message says what was wrong and what to try.

    ``mistake`` is the failure's stable identifier (lower-case words joined by hyphens); the text
    of the exception ends with ``[mistake: <id>]``.
    """

    def __init__(self, message: str, mistake: str = "check-failed") -> None:
        tagged = _MISTAKE_TAG.search(message)
        if tagged:  # already tagged (an exception rebuilt from its text, as unpickling does)
            message, mistake = message[: tagged.start()].rstrip(), tagged.group(1)
        if not _MISTAKE_ID.match(mistake or ""):
            raise ValueError(f"a mistake identifier is lower-case words joined by hyphens, not {mistake!r}")
        self.message = message
        self.mistake = mistake
        super().__init__(f"{message} [mistake: {mistake}]")


def mistake_of(text: str) -> str | None:
    """The mistake identifier at the end of a failure's text (an output's ``evalue``), if any."""
    found = _MISTAKE_TAG.search(text or "")
    return found.group(1) if found else None


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


def _fail(message: str, mistake: str = "check-failed") -> None:
    __tracebackhide__ = True  # IPython and pytest hide this frame in tracebacks
    raise CheckFailed(message, mistake)


def _to_array(value: Any, call: str) -> np.ndarray:
    """Turn what a student returned into a float array, or fail with a message that says why not."""
    __tracebackhide__ = True
    if value is None:
        _fail(f"{call} returned None. Did you forget the `return` statement?", "returns-none")
    if hasattr(value, "detach") and hasattr(value, "numpy"):  # a torch tensor
        value = value.detach().cpu().numpy()
    if isinstance(value, (str, bytes)):
        _fail(f"{call} returned a {type(value).__name__} ({value!r:.60}); expected a number or a NumPy array.",
              "wrong-type")
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        _fail(f"{call} returned a {type(value).__name__} ({value!r:.60}); expected a number or a NumPy array.",
              "wrong-type")
    return array


def check_shape(actual: Any, shape: tuple[int, ...], *, call: str, hint: str | None = None,
                mistake: str = "wrong-shape") -> None:
    """Fail unless ``actual`` is an array (or number) of exactly ``shape`` (``mistake``: the
    failure's identifier)."""
    __tracebackhide__ = True
    array = _to_array(actual, call)
    if array.shape != tuple(shape):
        what = "a single number" if shape == () else f"an array of shape {tuple(shape)}"
        got = "a single number" if array.shape == () else f"an array of shape {array.shape}"
        _fail(f"{call} should return {what}, but returned {got}." + (f" {hint}" if hint else ""), mistake)


def check_close(
    actual: Any,
    expected: Any,
    *,
    call: str,
    rtol: float = 1e-7,
    atol: float = 1e-10,
    hint: str | None = None,
    mistakes: Mapping[str | tuple[str, str], Any] | None = None,
    mistake: str = "wrong-value",
) -> None:
    """Fail unless ``actual`` equals ``expected`` up to ``|actual - expected| <= atol + rtol |expected|``.

    Args:
        actual: what the student's code returned (number, array or torch tensor).
        expected: the oracle's answer; its shape is the shape the student must return
            (a size-1 array is accepted where a single number is expected).
        call: how the student's function was called, as the student would read it.
        hint: what to try, added to a generic failure message.
        mistakes: explanation -> value that a known wrong implementation gives. When ``actual``
            matches one of these values, the message names that mistake. A key may be a pair
            ``("mistake-id", "explanation")`` to give that diagnosis its identifier.
        mistake: the identifier of a wrong value that matches none of ``mistakes``.
    """
    __tracebackhide__ = True
    array = _to_array(actual, call)
    target = np.asarray(expected, dtype=float)

    if target.ndim == 0:
        if array.size != 1:
            _fail(
                f"{call} should return a single number, but returned an array of shape {array.shape}."
                + (f" {hint}" if hint else " Did you forget to average (or sum) over the data?"),
                "wrong-shape",
            )
        array = array.reshape(())
    elif array.shape != target.shape:
        _fail(
            f"{call} should return an array of shape {target.shape}, but returned shape {array.shape}."
            + (f" {hint}" if hint else ""),
            "wrong-shape",
        )

    bad = ~np.isfinite(array) & np.isfinite(target)
    if bad.any():
        where = "" if array.ndim == 0 else f" at index {tuple(int(i) for i in np.argwhere(bad)[0])}"
        kind = "nan" if np.isnan(array[bad]).any() else "inf"
        _fail(
            f"{call} returned {kind}{where} where {fmt(target[bad].flat[0]) if target.ndim else fmt(target)} "
            "was expected." + (f" {hint}" if hint else " Look for an overflow, a log of 0, or a division by 0."),
            "nan-or-inf",
        )

    if np.allclose(array, target, rtol=rtol, atol=atol, equal_nan=True):
        return

    for key, wrong in (mistakes or {}).items():
        known, explanation = key if isinstance(key, tuple) else (mistake, key)
        wrong = np.asarray(wrong, dtype=float)
        if wrong.shape == target.shape and np.allclose(array, wrong, rtol=max(rtol, 1e-6), atol=atol, equal_nan=True):
            _fail(f"{call} returned {fmt(array)}, but it should be {fmt(target)}. {explanation}", known)

    message = f"{call} returned {fmt(array)}, but it should be {fmt(target)}."
    if array.ndim > 0:
        error = np.abs(array - target) - (atol + rtol * np.abs(target))
        worst = tuple(int(i) for i in np.unravel_index(np.nanargmax(error), error.shape))
        wrong_count = int(np.sum(~np.isclose(array, target, rtol=rtol, atol=atol, equal_nan=True)))
        message += (
            f" {wrong_count} of {array.size} entries differ; the largest difference is at index {worst}: "
            f"got {fmt(array[worst])}, expected {fmt(target[worst])}."
        )
    _fail(message + (f" {hint}" if hint else ""), mistake)


def check_true(condition: Any, message: str, *, mistake: str = "check-failed") -> None:
    """Fail with ``message`` (identified as ``mistake``) unless ``condition`` holds."""
    __tracebackhide__ = True
    if not bool(condition):
        _fail(message, mistake)


def check_raises(
    function: Callable[[], Any],
    exception: type[BaseException] | tuple[type[BaseException], ...],
    *,
    call: str,
    hint: str | None = None,
    mistake: str | None = None,
) -> None:
    """Fail unless calling ``function()`` raises ``exception`` (``mistake`` overrides the failure's
    identifier, ``wrong-exception`` or ``no-exception``)."""
    __tracebackhide__ = True
    try:
        function()
    except exception:
        return
    except Exception as error:  # noqa: BLE001 - any other error is the student's to see
        names = exception.__name__ if isinstance(exception, type) else " or ".join(e.__name__ for e in exception)
        _fail(f"{call} raised {type(error).__name__} ({error}); it should raise {names}." + (f" {hint}" if hint else ""),
              mistake or "wrong-exception")
    names = exception.__name__ if isinstance(exception, type) else " or ".join(e.__name__ for e in exception)
    _fail(f"{call} should raise {names}, but it returned normally." + (f" {hint}" if hint else ""),
          mistake or "no-exception")


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
    _fail(f"{call} hit a floating-point error: {problem}." + (f" {hint}" if hint else ""), "floating-point-error")


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


# -- calling a student's function -------------------------------------------------------------------
def _describe_type(value: Any) -> str:
    if isinstance(value, np.ndarray):
        return f"a NumPy array of shape {value.shape} and dtype {value.dtype}"
    if hasattr(value, "detach") and hasattr(value, "dtype"):
        return f"a torch tensor of shape {tuple(value.shape)}"
    if isinstance(value, (list, tuple)):
        return f"a {type(value).__name__} of length {len(value)}"
    name = type(value).__name__
    article = "an" if name[:1].lower() in "aeiou" else "a"
    return f"{article} {name}" + ("" if value is None else f" ({value!r:.40})")


def _snapshot(value: Any) -> Any:
    """A copy of an argument to compare with after the call (arrays keep their dtype)."""
    if hasattr(value, "detach") and hasattr(value, "clone"):  # a torch tensor
        return value.detach().clone()
    try:
        return copy.deepcopy(value)
    except Exception:  # noqa: BLE001 - an uncopyable argument cannot be checked, only passed on
        return _UNCHECKED


_UNCHECKED = object()


def _same(before: Any, after: Any) -> bool:
    if before is _UNCHECKED:
        return True
    if isinstance(before, np.ndarray):
        return (isinstance(after, np.ndarray) and before.dtype == after.dtype and before.shape == after.shape
                and np.array_equal(before, after, equal_nan=True))
    if hasattr(before, "detach") and hasattr(before, "clone"):
        import torch

        return (before.dtype == after.dtype and before.shape == after.shape
                and bool(torch.equal(torch.nan_to_num(before), torch.nan_to_num(after.detach()))))
    if isinstance(before, (list, tuple)):
        return (type(before) is type(after) and len(before) == len(after)
                and all(_same(b, a) for b, a in zip(before, after)))
    if isinstance(before, dict):
        return before.keys() == after.keys() and all(_same(before[k], after[k]) for k in before)
    if isinstance(before, (float, np.floating, complex, np.complexfloating)):
        return bool(before == after) or bool(np.isnan(before) and np.isnan(after))
    if isinstance(before, (int, np.integer, bool, np.bool_, str, bytes, type(None))):
        return type(before) is type(after) and before == after
    # Other objects (a random generator, which a function is meant to advance; a model) are
    # passed on, not compared.
    return True


# Where a student would have found a library function: its name there reads better in a message
# than its implementation's (torch._VariableFunctionsClass.conv2d is torch.conv2d to a student).
_PUBLIC_HOMES = ("torch.nn.functional", "torch", "torch.autograd", "numpy", "numpy.linalg", "scipy.linalg",
                 "scipy.special", "scipy.signal")
_public_names: dict[int, str] = {}


def _qualified_name(function: Callable[..., Any]) -> str:
    module = getattr(function, "__module__", None) or ""
    qualname = getattr(function, "__qualname__", None) or getattr(function, "__name__", None) or repr(function)
    plain = module and not module.startswith("_") and "._" not in f".{module}" and "<locals>" not in qualname \
        and not qualname.startswith("_")
    if plain or module.startswith("dlcourse"):
        return f"{module}.{qualname}".lstrip(".")
    if id(function) not in _public_names:
        owner = qualname.split(".")[0] if qualname.count(".") == 1 else None   # a method: Tensor.backward
        homes = [(home, vars(sys.modules[home])) for home in _PUBLIC_HOMES if home in sys.modules]
        _public_names[id(function)] = next(
            (f"{home}.{name}" for home, names in homes
             for name, value in names.items() if value is function and not name.startswith("_")),
            next((f"{home}.{qualname}" for home, names in sorted(homes, key=lambda pair: len(pair[0]))
                  if owner and getattr(names.get(owner), qualname.split(".")[1], None) is function),
                 f"{module}.{qualname}".lstrip(".")))
    return _public_names[id(function)]


@contextmanager
def _watching_for(forbidden: dict[Any, str], answer_globals: dict | None = None) -> Iterator[list[str]]:
    """Record the names of the forbidden package functions entered inside the block."""
    entered: list[str] = []
    if not forbidden:
        yield entered
        return
    with _recording_ufuncs(forbidden, answer_globals, entered):
        yield from _profiled(forbidden, entered)


# Where a student would reach a ufunc from: scipy.special.expit, numpy's ufuncs.
_UFUNC_HOMES = ("numpy", "scipy.special", "scipy.special._ufuncs")


@contextmanager
def _recording_ufuncs(forbidden: dict[Any, str], answer_globals: dict | None, entered: list[str]) -> Iterator[None]:
    """NumPy ufuncs (scipy.special.expit) are objects the profiler does not report: while the block
    runs, the names that hold a forbidden ufunc (in its home modules and in the answer's globals, as
    ``from scipy.special import expit`` leaves it) hold a stand-in that records the call and
    passes it on. Everything is put back afterwards."""
    ufuncs = {function: name for function, name in forbidden.items() if isinstance(function, np.ufunc)}
    patched: list[tuple[dict, str, Any]] = []
    if ufuncs:
        namespaces = [vars(sys.modules[home]) for home in _UFUNC_HOMES if home in sys.modules]
        namespaces += [answer_globals] if isinstance(answer_globals, dict) else []
        for ufunc, name in ufuncs.items():
            def recorded(*args: Any, _ufunc: Any = ufunc, _name: str = name, **kwargs: Any) -> Any:
                if not entered:
                    entered.append(_name)
                return _ufunc(*args, **kwargs)

            for namespace in namespaces:
                for key in [key for key, value in namespace.items() if value is ufunc]:
                    namespace[key] = recorded
                    patched.append((namespace, key, ufunc))
    try:
        yield
    finally:
        for namespace, key, ufunc in reversed(patched):
            namespace[key] = ufunc


def _profiled(forbidden: dict[Any, str], entered: list[str]) -> Iterator[list[str]]:
    """Watch every Python frame and every call of a C function while the block runs."""

    builtins = [(function, name) for function, name in forbidden.items() if not hasattr(function, "co_code")]

    def profile(frame: Any, event: str, arg: Any) -> None:
        if entered:
            return
        if event == "call" and frame.f_code in forbidden:
            entered.append(forbidden[frame.f_code])
        elif event == "c_call" and builtins:  # a function written in C (torch.conv2d, np.linalg.solve's core)
            for function, name in builtins:
                if arg is function or (type(arg) is type(function) and arg == function):
                    entered.append(name)
                    break

    previous = sys.getprofile()
    sys.setprofile(profile)
    try:
        yield entered
    finally:
        sys.setprofile(previous)


def call_answer(function: Any, *args: Any, call: str, forbid: Iterable[Callable[..., Any]] = (),
                **kwargs: Any) -> Any:
    """Call a student's function the way a hidden test should, and return what it returned.

    - ``function`` must be callable (an answer cell that defines something else fails in words);
    - an exception raised inside the student's code fails with a message naming the call and the
      exception, instead of a raw traceback from deep inside the test (``NotImplementedError``
      passes through unchanged: the exercise is simply not answered yet);
    - every argument is copied first; an answer that changes an argument in place fails, naming
      the argument (a caller's data must survive the call);
    - ``forbid`` lists the package's own implementations of the exercise (and library functions
      that would do it, Python or built-in such as ``torch.conv2d``): if the student's code runs
      one of them, the check fails (the exercise asks the student to write it).
    """
    __tracebackhide__ = True
    if not callable(function):
        _fail(f"{call}: the name is bound to {_describe_type(function)}, not to a function. "
              "Define it with `def` in the answer cell and run that cell.", "not-a-function")
    import inspect

    forbidden = {}
    for reference in forbid:
        # A decorated function (scikit-learn's validated ones) runs a wrapper shared by many
        # functions first: watch for the function it wraps instead.
        code = getattr(inspect.unwrap(reference), "__code__", None)
        if code is not None:
            forbidden[code] = _qualified_name(reference)
        elif callable(reference):  # written in C: the profiler reports the call itself
            forbidden[reference] = _qualified_name(reference)
    positional = [_snapshot(a) for a in args]
    named = {k: _snapshot(v) for k, v in kwargs.items()}
    try:
        with _watching_for(forbidden, getattr(function, "__globals__", None)) as entered:
            result = function(*args, **kwargs)
    except NotImplementedError:
        raise
    except CheckFailed:
        raise
    except Exception as error:  # noqa: BLE001 - the student's code raised: say so in words
        where = _student_line(error)
        _fail(f"{call} raised {type(error).__name__}: {error}" + (f" (at `{where}`)" if where else "")
              + ". Read the error, then try the call yourself on a small input.", "raises-error")
    if entered:
        _fail(f"{call} calls `{entered[0]}`, a ready-made version of what this exercise asks you to "
              "write yourself. Write the computation in your own code (the ready-made versions are for "
              "later chapters and for checking your work).", "calls-reference")
    for index, (before, after) in enumerate(zip(positional, args)):
        if not _same(before, after):
            _fail(f"{call} changed its argument number {index + 1} ({_describe_type(before)}) in place. "
                  "A function must leave its inputs as it found them: compute into a new array "
                  "(for example `X = X - m` instead of `X -= m`, or start from `X.copy()`).", "mutates-argument")
    for name, before in named.items():
        if not _same(before, kwargs[name]):
            _fail(f"{call} changed its argument `{name}` in place. A function must leave its inputs as it "
                  "found them: compute into a new array instead.", "mutates-argument")
    return result


def _student_line(error: BaseException) -> str | None:
    """The last line of the traceback that ran in a notebook cell (the student's code), if any."""
    line = None
    traceback = error.__traceback__
    while traceback is not None:
        code = traceback.tb_frame.f_code
        filename = code.co_filename
        if filename.startswith("<ipython-input") or "ipykernel_" in filename or filename.startswith("<string"):
            import linecache

            text = linecache.getline(filename, traceback.tb_lineno).strip()
            if text:
                line = text
        traceback = traceback.tb_next
    return line


# -- strict return types ---------------------------------------------------------------------------
_TYPE_NAMES = {float: "a float", int: "an int", bool: "a bool", np.ndarray: "a NumPy array",
               tuple: "a tuple", list: "a list", dict: "a dict", str: "a str"}


def _is_instance(value: Any, expected: type) -> bool:
    if expected is float:
        return isinstance(value, (float, np.floating)) and not isinstance(value, np.ndarray)
    if expected is int:
        return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))
    if expected is bool:
        return isinstance(value, (bool, np.bool_))
    return isinstance(value, expected)


def check_type(value: Any, expected: type | tuple[type, ...], *, call: str, hint: str | None = None,
               mistake: str = "wrong-type") -> None:
    """Fail unless ``value`` has the type the statement promises (``mistake``: the failure's
    identifier, for a hint that diagnoses something more specific than a wrong type).

    Strict where students slip: ``float`` accepts a Python float or a NumPy floating scalar, not a
    length-1 array, an int or a tensor; ``int`` accepts Python or NumPy integers but not a bool or
    a float that happens to be whole.
    """
    __tracebackhide__ = True
    options = expected if isinstance(expected, tuple) else (expected,)
    if any(_is_instance(value, option) for option in options):
        return
    wanted = " or ".join(_TYPE_NAMES.get(o, f"a {o.__name__}") for o in options)
    advice = ""
    if float in options and isinstance(value, np.ndarray) and value.size == 1:
        advice = " Turn a one-element result into a number with `float(...)` or by reducing over every axis."
    elif float in options and _is_instance(value, int):
        advice = " An int here means some division or mean was lost (or the result is truncated)."
    elif int in options and isinstance(value, (float, np.floating)):
        advice = " A count or an index is an int: do not build it from float arithmetic."
    _fail(f"{call} should return {wanted}, but returned {_describe_type(value)}.{advice}"
          + (f" {hint}" if hint else ""), mistake)


_DTYPE_KINDS = {"float": ("f", "a floating-point"), "int": ("iu", "an integer"), "bool": ("b", "a boolean")}


def check_array(value: Any, *, call: str, shape: tuple[int | None, ...] | None = None,
                dtype: str | None = None, hint: str | None = None, mistake: str | None = None) -> np.ndarray:
    """Fail unless ``value`` is a NumPy array of the promised ``shape`` (``None`` entries match any
    size) and ``dtype`` kind (``"float"``, ``"int"`` or ``"bool"``); return it. ``mistake``
    replaces the generic identifier (``wrong-type``, ``wrong-shape``, ``wrong-dtype``) when the
    hint diagnoses something specific."""
    __tracebackhide__ = True
    suffix = f" {hint}" if hint else ""
    if value is None:
        _fail(f"{call} returned None. Did you forget the `return` statement?", "returns-none")
    if not isinstance(value, np.ndarray):
        _fail(f"{call} should return a NumPy array, but returned {_describe_type(value)}. "
              "Build the result with NumPy (`np.array(...)`, `np.zeros(...)`) rather than a list." + suffix,
              mistake or "wrong-type")
    if shape is not None:
        shape = tuple(shape)
        matches = len(shape) == value.ndim and all(s is None or s == v for s, v in zip(shape, value.shape))
        if not matches:
            wanted = "(" + ", ".join("any" if s is None else str(s) for s in shape) + ("," if len(shape) == 1 else "") + ")"
            _fail(f"{call} should return an array of shape {wanted}, but returned shape {value.shape}." + suffix,
                  mistake or "wrong-shape")
    if dtype is not None:
        kinds, words = _DTYPE_KINDS[dtype]
        if value.dtype.kind not in kinds:
            advice = {
                "float": " Integer input gives integer arrays (`np.zeros_like` of an int array is int): "
                         "ask for floats explicitly (`dtype=float`, `astype(float)`).",
                "int": " Counts and labels are integers: create the array with `dtype=int`.",
                "bool": "",
            }[dtype]
            _fail(f"{call} should return {words} array, but its dtype is {value.dtype}.{advice}" + suffix,
                  mistake or "wrong-dtype")
    return value

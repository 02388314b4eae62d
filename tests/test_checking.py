"""The checks exercise test cells use: they pass right answers and word their failures."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from dlcourse.checking import (
    CheckFailed,
    call_without_overflow,
    check_close,
    check_raises,
    check_shape,
    check_true,
    fmt,
    passed,
    reference_versions,
)


def _message(function, *args, **kwargs) -> str:
    with pytest.raises(CheckFailed) as failure:
        function(*args, **kwargs)
    return str(failure.value)


def test_a_right_answer_passes_in_every_form():
    check_close(2.0, 2.0, call="f()")
    check_close(np.float32(2.0), 2.0, call="f()", rtol=1e-6)
    check_close(np.array([2.0]), 2.0, call="f()")  # a size-1 array stands for a number
    check_close(torch.tensor([1.0, 2.0], dtype=torch.float64), [1.0, 2.0], call="f()")
    check_close([1, 2], np.array([1.0, 2.0]), call="f()")


def test_check_failed_is_an_assertion_error():
    assert issubclass(CheckFailed, AssertionError)


def test_none_is_blamed_on_a_missing_return():
    assert "forget the `return`" in _message(check_close, None, 1.0, call="f(x)")


def test_a_string_is_not_a_number():
    assert "returned a str" in _message(check_close, "2.0", 2.0, call="f(x)")


def test_an_array_where_a_number_is_expected_names_its_shape():
    message = _message(check_close, np.ones(4), 1.0, call="loss(w, x, y)")
    assert "single number" in message and "(4,)" in message


def test_a_wrong_shape_names_the_expected_one():
    message = _message(check_close, np.ones((3, 1)), np.ones(3), call="f(x)")
    assert "(3,)" in message and "(3, 1)" in message


def test_nan_and_inf_are_located_and_explained():
    message = _message(check_close, np.array([1.0, np.nan, 3.0]), np.ones(3), call="f(x)")
    assert "nan at index (1,)" in message
    message = _message(check_close, np.inf, 2.0, call="f(x)", hint="Subtract the max first.")
    assert "returned inf" in message and "Subtract the max first." in message


def test_a_known_mistake_gets_its_own_explanation():
    message = _message(check_close, 10.0, 10 / 3, call="loss(2, x, y)",
                       mistakes={"That is the sum: divide by N.": 10.0, "That is the root.": np.sqrt(10 / 3)})
    assert message == "loss(2, x, y) returned 10, but it should be 3.33333. That is the sum: divide by N."


def test_an_unknown_mistake_gets_the_values_and_the_hint():
    message = _message(check_close, 7.0, 10 / 3, call="loss(2, x, y)", hint="Average the squares.",
                       mistakes={"That is the sum.": 10.0})
    assert message == "loss(2, x, y) returned 7, but it should be 3.33333. Average the squares."


def test_array_mismatch_reports_the_worst_entry():
    message = _message(check_close, [1.0, 2.0, 5.0], [1.0, 2.0, 3.0], call="f(x)")
    assert "1 of 3 entries differ" in message and "index (2,): got 5, expected 3" in message


def test_tolerances_are_respected():
    check_close(1.0 + 1e-9, 1.0, call="f()")
    check_close(0.449, 0.443, call="f()", rtol=0, atol=0.01)
    with pytest.raises(CheckFailed):
        check_close(0.46, 0.443, call="f()", rtol=0, atol=0.01)


def test_check_shape():
    check_shape(np.zeros((2, 3)), (2, 3), call="f()")
    check_shape(3.0, (), call="f()")
    assert "a single number" in _message(check_shape, np.zeros(2), (), call="f()")
    assert "(2, 3)" in _message(check_shape, np.zeros((3, 2)), (2, 3), call="f()")


def test_check_true_and_check_raises():
    check_true(1 < 2, "never shown")
    assert _message(check_true, False, "X changed in place.") == "X changed in place."
    check_raises(lambda: int("x"), ValueError, call="int('x')")
    assert "should raise ValueError" in _message(check_raises, lambda: 1, ValueError, call="g()")
    assert "raised ZeroDivisionError" in _message(check_raises, lambda: 1 / 0, ValueError, call="g()")


def test_passed_prints_on_stdout(capsys):
    passed("fit_slope")
    captured = capsys.readouterr()
    assert captured.out == "All checks of fit_slope passed.\n" and captured.err == ""


def test_fmt_is_short():
    assert fmt(2.0) == "2" and fmt(10 / 3) == "3.33333" and fmt(3) == "3"
    assert fmt(np.arange(100.0)).count(",") < 10


def test_call_without_overflow_returns_the_result_or_names_the_error():
    assert call_without_overflow(np.exp, 1.0, call="exp(1)") == pytest.approx(np.e)
    assert call_without_overflow(np.exp, -1000.0, call="exp(-1000)") == 0.0  # underflow is fine
    message = _message(call_without_overflow, np.exp, np.array([1000.0]), call="exp([1000])", hint="Shift first.")
    assert message == "exp([1000]) hit a floating-point error: overflow encountered in exp. Shift first."
    assert "divide by zero encountered in log" in _message(call_without_overflow, np.log, np.array([0.0]), call="log(0)")


def test_reference_versions_swap_names_for_the_block_only():
    namespace = {"helper": lambda: "student's", "answer": None}
    namespace["answer"] = lambda: namespace["helper"]()  # an answer that calls an earlier exercise
    with reference_versions(namespace, helper=lambda: "reference", extra=1):
        assert namespace["answer"]() == "reference" and namespace["extra"] == 1
    assert namespace["answer"]() == "student's" and "extra" not in namespace
    with pytest.raises(RuntimeError):
        with reference_versions(namespace, helper=lambda: "reference"):
            raise RuntimeError("a failing check inside")
    assert namespace["answer"]() == "student's"

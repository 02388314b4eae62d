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
    """The words a student reads (the failure's text without its mistake identifier)."""
    with pytest.raises(CheckFailed) as failure:
        function(*args, **kwargs)
    return failure.value.message


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


# -- call_answer, check_type, check_array -----------------------------------------------------------
from dlcourse.checking import call_answer, check_array, check_type  # noqa: E402
from dlcourse.scratch import losses  # noqa: E402


def test_call_answer_returns_what_a_correct_function_returns():
    X = np.arange(6.0).reshape(2, 3)
    result = call_answer(lambda A, scale=1.0: A * scale, X, call="f(X)", scale=2.0)
    np.testing.assert_array_equal(result, 2 * X)


@pytest.mark.parametrize("mutate", [
    lambda X: X.__isub__(1),                     # X -= 1
    lambda X: X.sort(axis=0),                    # sorts the caller's rows
    lambda X: X.__setitem__((0, 0), np.nan),     # one entry set to nan
])
def test_call_answer_fails_an_answer_that_changes_its_argument(mutate):
    def answer(X):
        mutate(X)
        return X.sum()
    X = np.array([[3.0, 1.0], [2.0, 5.0]])
    message = _message(call_answer, answer, X, call="total(X)")
    assert "total(X) changed its argument number 1" in message and "in place" in message


def test_call_answer_sees_changes_to_lists_dicts_tensors_and_keyword_arguments():
    assert "argument number 1" in _message(call_answer, lambda xs: xs.append(1), [0], call="f(xs)")
    assert "argument `d`" in _message(call_answer, lambda d: d.update(a=2), call="f(d=d)", d={"a": 1})
    t = torch.zeros(3)
    assert "in place" in _message(call_answer, lambda t: t.add_(1), t, call="f(t)")


def test_call_answer_words_an_exception_from_the_students_code():
    def answer(z):
        return np.log(z)[5]
    message = _message(call_answer, answer, np.ones(3), call="g(z)")
    assert message.startswith("g(z) raised IndexError: index 5 is out of bounds")


def test_call_answer_lets_an_unanswered_exercise_raise_not_implemented():
    def stub(z):
        raise NotImplementedError()
    with pytest.raises(NotImplementedError):
        call_answer(stub, 1.0, call="f(z)")


def test_call_answer_names_what_is_not_a_function():
    assert "not to a function" in _message(call_answer, np.zeros(2), call="f(z)")


def test_call_answer_fails_an_answer_that_runs_the_packages_reference():
    def wrapper(z):
        return losses.log_softmax(z)
    def indirect(z):
        return (lambda v: losses.log_softmax(v))(z)
    for answer in (wrapper, indirect):
        message = _message(call_answer, answer, np.ones((2, 3)), call="log_softmax(z)", forbid=[losses.log_softmax])
        assert "a ready-made version" in message and "log_softmax" in message


def test_call_answer_allows_other_package_functions_and_restores_profiling():
    import sys

    before = sys.getprofile()
    result = call_answer(lambda z: losses.log_softmax(z), np.zeros((1, 2)), call="f(z)", forbid=[losses.gaussian_nll])
    np.testing.assert_allclose(result, np.log([[0.5, 0.5]]))
    assert sys.getprofile() is before


@pytest.mark.parametrize("value, expected", [
    (1.5, float), (np.float64(1.5), float), (np.float32(1.5), float),
    (3, int), (np.int64(3), int), (True, bool), (np.zeros(2), np.ndarray), ((1, 2), tuple),
    (2, (int, float)),
])
def test_check_type_accepts_the_promised_type(value, expected):
    check_type(value, expected, call="f()")


@pytest.mark.parametrize("value, expected, words", [
    (np.array([1.5]), float, "float(...)"),
    (np.array(1.5), float, "a NumPy array"),
    (3, float, "division or mean was lost"),
    (3.0, int, "A count or an index is an int"),
    (True, int, "a bool"),
    ([1.0], float, "a list of length 1"),
    (torch.tensor(1.0), float, "torch tensor"),
])
def test_check_type_is_strict_where_students_slip(value, expected, words):
    message = _message(check_type, value, expected, call="f()")
    assert message.startswith("f() should return") and words in message


def test_check_array_checks_container_shape_and_dtype_kind():
    assert check_array(np.zeros((2, 3), np.float32), call="f()", shape=(2, None), dtype="float").shape == (2, 3)
    assert "NumPy array, but returned a list" in _message(check_array, [1.0, 2.0], call="f()")
    assert "returned None" in _message(check_array, None, call="f()")
    assert "shape (2, any)" in _message(check_array, np.zeros((3, 3)), call="f()", shape=(2, None))
    assert "shape (3,)" in _message(check_array, np.zeros((3, 1)), call="f()", shape=(3,))
    assert "zeros_like" in _message(check_array, np.zeros(3, int), call="f()", dtype="float")
    assert "dtype=int" in _message(check_array, np.zeros(3), call="f()", dtype="int")
    check_array(np.zeros(3, np.uint8), call="f()", dtype="int")


def test_call_answer_lets_a_function_draw_from_a_generator_and_take_nan_arguments():
    def draw(rng, fill=np.nan):
        return rng.normal(size=2) if np.isnan(fill) else np.full(2, fill)
    assert call_answer(draw, np.random.default_rng(0), call="draw(rng)", fill=np.nan).shape == (2,)
    assert call_answer(lambda x: x, float("nan"), call="f(nan)") != 0


def test_call_answer_forbids_a_decorated_function_without_forbidding_its_siblings():
    from sklearn import metrics

    y = np.array([0, 1, 1, 0])
    wrapper = lambda a, b: metrics.confusion_matrix(a, b)  # noqa: E731
    message = _message(call_answer, wrapper, y, y, call="confusion_matrix(y, y)", forbid=[metrics.confusion_matrix])
    assert "confusion_matrix" in message and "a ready-made version" in message
    # accuracy_score shares scikit-learn's validation wrapper: it stays allowed.
    assert call_answer(lambda a, b: metrics.accuracy_score(a, b), y, y, call="acc(y, y)",
                       forbid=[metrics.confusion_matrix]) == 1.0


# -- mistake identifiers (what the instructor's class report counts) --------------------------------
def _mistake(function, *args, **kwargs) -> str:
    with pytest.raises(CheckFailed) as failure:
        function(*args, **kwargs)
    from dlcourse.checking import mistake_of

    assert mistake_of(str(failure.value)) == failure.value.mistake, "the identifier must end the text"
    return failure.value.mistake


def test_generic_failures_carry_their_own_identifiers():
    from dlcourse.checking import GENERIC_MISTAKES, call_answer, check_array, check_type

    def in_place(x):
        x[0] = 9.0
        return x

    def crashes(x):
        return x["key"]

    cases = {
        "returns-none": lambda: check_close(None, 1.0, call="f()"),
        "wrong-type": lambda: check_type(np.array([1.0]), float, call="f()"),
        "wrong-dtype": lambda: check_array(np.arange(3), call="f()", dtype="float"),
        "wrong-shape": lambda: check_close(np.ones(2), np.ones(3), call="f()"),
        "nan-or-inf": lambda: check_close(np.nan, 1.0, call="f()"),
        "wrong-value": lambda: check_close(2.0, 1.0, call="f()"),
        "mutates-argument": lambda: call_answer(in_place, np.zeros(2), call="f(x)"),
        "raises-error": lambda: call_answer(crashes, np.zeros(2), call="f(x)"),
        "calls-reference": lambda: call_answer(lambda x: fmt(x), 1.0, call="f(x)", forbid=(fmt,)),
        "not-a-function": lambda: call_answer(3, call="f()"),
        "floating-point-error": lambda: call_without_overflow(np.exp, np.array(1000.0), call="f()"),
        "no-exception": lambda: check_raises(lambda: None, ValueError, call="f()"),
        "wrong-exception": lambda: check_raises(lambda: 1 / 0, ValueError, call="f()"),
        "check-failed": lambda: check_true(False, "no identifier given"),
    }
    for expected, failing in cases.items():
        assert expected in GENERIC_MISTAKES
        assert _mistake(failing) == expected


def test_a_test_names_its_own_diagnosis_and_known_wrong_values_name_theirs():
    assert _mistake(check_true, False, "The bias row is penalized.", mistake="penalizes-bias") == "penalizes-bias"
    mistakes = {("sums-instead-of-mean", "You summed over the examples instead of averaging."): 6.0,
                "An old-style explanation without an identifier.": 5.0}
    assert _mistake(check_close, 6.0, 2.0, call="f()", mistakes=mistakes) == "sums-instead-of-mean"
    assert _mistake(check_close, 5.0, 2.0, call="f()", mistakes=mistakes, mistake="off-by-three") == "off-by-three"
    assert _mistake(check_close, 7.0, 2.0, call="f()", mistakes=mistakes) == "wrong-value"
    assert _mistake(check_shape, np.ones(2), (3,), call="f()", mistake="forgot-bias-column") == "forgot-bias-column"
    from dlcourse.checking import check_array, check_type

    assert _mistake(check_type, 0, float, call="f()", mistake="integer-bias") == "integer-bias"
    assert _mistake(check_array, np.arange(3), call="f()", dtype="float", mistake="int-weights") == "int-weights"
    assert _mistake(check_array, [1.0], call="f()", mistake="list-of-counts") == "list-of-counts"
    # The words a student reads come first; the identifier is last and does not repeat.
    with pytest.raises(CheckFailed) as failure:
        check_close(6.0, 2.0, call="f()", mistakes=mistakes)
    assert str(failure.value).startswith("f() returned 6, but it should be 2. You summed")
    assert str(failure.value).count("[mistake:") == 1


def test_an_identifier_is_checked_and_survives_rebuilding_the_exception():
    import pickle

    with pytest.raises(ValueError, match="lower-case words joined by hyphens"):
        CheckFailed("message", "Not An Id")
    original = CheckFailed("The rows must sum to 1.", "rows-not-normalized")
    rebuilt = pickle.loads(pickle.dumps(original))
    assert (rebuilt.message, rebuilt.mistake, str(rebuilt)) == (original.message, original.mistake, str(original))


def test_a_forbidden_builtin_function_is_noticed_too():
    """Library functions written in C (torch.conv2d, numpy's ufuncs) have no Python code to watch:
    the profiler's C-call events catch them."""
    from dlcourse.checking import call_answer

    image, kernel = torch.randn(1, 1, 5, 5), torch.randn(1, 1, 3, 3)
    forbid = (torch.nn.functional.conv2d, np.convolve)
    with pytest.raises(CheckFailed, match="calls `.*conv2d`") as failure:
        call_answer(lambda x, w: torch.nn.functional.conv2d(x, w), image, kernel, call="conv(x, w)", forbid=forbid)
    assert failure.value.mistake == "calls-reference"
    with pytest.raises(CheckFailed, match="calls `.*convolve`"):
        call_answer(lambda a: np.convolve(a, a), np.ones(3), call="conv(a)", forbid=forbid)
    # Other built-ins run freely, and an honest answer passes.
    assert call_answer(lambda a: float(np.sum(a * a)), np.ones(3), call="dot(a)", forbid=forbid) == 3.0


def test_a_forbidden_library_function_is_named_where_a_student_would_find_it():
    """torch.conv2d's implementation lives in torch._VariableFunctionsClass and F.max_pool2d is a
    dispatcher built in a closure: the message names them as a student would call them."""
    from dlcourse.checking import call_answer

    image = torch.randn(1, 1, 4, 4)
    for forbidden, answer, public in [
            (torch.conv2d, lambda x: torch.conv2d(x, torch.ones(1, 1, 2, 2)), "torch.nn.functional.conv2d"),
            (torch.nn.functional.max_pool2d, lambda x: torch.nn.functional.max_pool2d(x, 2),
             "torch.nn.functional.max_pool2d"),
            (torch.Tensor.backward, lambda x: x.requires_grad_().sum().backward(), "torch.Tensor.backward")]:
        with pytest.raises(CheckFailed) as failure:
            call_answer(answer, image.clone(), call="f(x)", forbid=[forbidden])
        assert f"calls `{public}`" in failure.value.message, failure.value.message


def test_a_forbidden_ufunc_is_noticed_however_the_answer_reaches_it():
    """scipy.special.expit is a NumPy ufunc, which the profiler does not report: the answer is caught
    through the module, through a name imported into the answer's namespace, and through an import
    inside the function; afterwards every name holds the ufunc again."""
    import scipy.special

    from dlcourse.checking import call_answer

    namespace = {"np": np}
    exec("import scipy.special as sp\nfrom scipy.special import expit\n"
         "def by_module(z):\n    return sp.expit(z)\n"
         "def by_name(z):\n    return expit(z)\n"
         "def by_local_import(z):\n    from scipy.special import expit as e\n    return e(z)\n"
         "def honest(z):\n    return 1 / (1 + np.exp(-z))\n", namespace)
    for name in ("by_module", "by_name", "by_local_import"):
        with pytest.raises(CheckFailed, match=r"calls `scipy\.special\.expit`") as failure:
            call_answer(namespace[name], np.zeros(2), call=f"{name}(z)", forbid=[scipy.special.expit])
        assert failure.value.mistake == "calls-reference"
    assert np.allclose(call_answer(namespace["honest"], np.zeros(2), call="honest(z)", forbid=[scipy.special.expit]),
                       0.5)
    assert namespace["expit"] is scipy.special.expit and isinstance(scipy.special.expit, np.ufunc)
    assert isinstance(np.exp, np.ufunc)

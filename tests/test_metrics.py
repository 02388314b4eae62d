"""The NumPy metrics agree with scikit-learn, including its zero-division policy."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
import sklearn.metrics as skm

from dlcourse.metrics import (
    UndefinedMetricWarning,
    accuracy,
    confusion_matrix,
    f1_score,
    precision,
    precision_recall_f1,
    recall,
    rmse,
)

ZERO_DIVISIONS = ["warn", 0.0, 1.0, np.nan]


def _random_labels(seed: int, n: int = 60, k: int = 4, missing: bool = False):
    rng = np.random.default_rng(seed)
    y_true = rng.integers(0, k, size=n)
    y_pred = np.where(rng.uniform(size=n) < 0.5, y_true, rng.integers(0, k, size=n))
    if missing:  # a class that is never predicted and one that never occurs
        y_pred[y_pred == 1] = 0
        y_true[y_true == 2] = 3
    return y_true, y_pred


@pytest.mark.parametrize("seed", range(5))
def test_accuracy_and_confusion_matrix_match_sklearn(seed):
    y_true, y_pred = _random_labels(seed, k=3 + seed)
    assert accuracy(y_true, y_pred) == pytest.approx(skm.accuracy_score(y_true, y_pred))
    np.testing.assert_array_equal(confusion_matrix(y_true, y_pred), skm.confusion_matrix(y_true, y_pred))
    labels = list(range(8))  # classes that occur nowhere give zero rows and columns
    np.testing.assert_array_equal(confusion_matrix(y_true, y_pred, labels=labels),
                                  skm.confusion_matrix(y_true, y_pred, labels=labels))


def test_confusion_matrix_rows_are_true_classes():
    matrix = confusion_matrix([0, 0, 1], [1, 1, 1])
    np.testing.assert_array_equal(matrix, [[0, 2], [0, 1]])


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("missing", [False, True])
@pytest.mark.parametrize("zero_division", ZERO_DIVISIONS)
def test_precision_recall_f1_match_sklearn(seed, missing, zero_division):
    y_true, y_pred = _random_labels(seed, missing=missing)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for average in (None, "macro"):
            expected = skm.precision_recall_fscore_support(y_true, y_pred, average=average,
                                                           zero_division=zero_division)
            got = precision_recall_f1(y_true, y_pred, average=average, zero_division=zero_division)
            for ours, theirs in zip(got[:3], expected[:3]):
                np.testing.assert_allclose(ours, theirs, equal_nan=True)
            if average is None:
                np.testing.assert_array_equal(got.support, expected[3])


@pytest.mark.parametrize("zero_division", ZERO_DIVISIONS)
def test_classes_absent_everywhere_follow_the_policy(zero_division):
    y_true, y_pred = [0, 0, 1, 1], [0, 1, 1, 1]
    labels = [0, 1, 2]  # class 2: no support, never predicted -> all three ratios undefined
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = skm.precision_recall_fscore_support(y_true, y_pred, labels=labels, zero_division=zero_division)
        got = precision_recall_f1(y_true, y_pred, labels=labels, zero_division=zero_division)
        for ours, theirs in zip(got[:3], expected[:3]):
            np.testing.assert_allclose(ours, theirs, equal_nan=True)
        for function, name in ((precision, "precision"), (recall, "recall"), (f1_score, "f1")):
            expected_macro = {"precision": 0, "recall": 1, "f1": 2}[name]
            np.testing.assert_allclose(
                function(y_true, y_pred, labels=labels, average="macro", zero_division=zero_division),
                skm.precision_recall_fscore_support(y_true, y_pred, labels=labels, average="macro",
                                                    zero_division=zero_division)[expected_macro],
                equal_nan=True,
            )


def test_warn_policy_warns_and_explicit_policies_do_not():
    y_true, y_pred = [0, 0, 1], [0, 0, 0]  # class 1 is never predicted
    with pytest.warns(UndefinedMetricWarning, match="precision"):
        assert precision(y_true, y_pred)[1] == 0.0
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert precision(y_true, y_pred, zero_division=1)[1] == 1.0


def test_fraud_example_of_the_notes():
    """Always predicting "no fraud" has high accuracy but zero precision and recall for fraud."""
    y_true = np.array([0] * 999 + [1])
    y_pred = np.zeros(1000, dtype=int)
    assert accuracy(y_true, y_pred) == 0.999
    assert recall(y_true, y_pred, zero_division=0)[1] == 0.0
    assert precision(y_true, y_pred, zero_division=0)[1] == 0.0


@pytest.mark.parametrize("shape", [(50,), (20, 3)])
def test_rmse_matches_sklearn(shape):
    rng = np.random.default_rng(0)
    y_true, y_pred = rng.normal(size=shape), rng.normal(size=shape)
    expected = np.sqrt(skm.mean_squared_error(y_true.reshape(len(y_true), -1), y_pred.reshape(len(y_pred), -1)))
    assert rmse(y_true, y_pred) == pytest.approx(expected)


@pytest.mark.parametrize("call, message", [
    (lambda: accuracy([0, 1], [0, 1, 1]), "same number"),
    (lambda: accuracy([0.5, 1], [0, 1]), "integer class labels"),
    (lambda: confusion_matrix([0, 1], [0, 5], labels=[0, 1]), "not among labels"),
    (lambda: precision_recall_f1([0, 1], [0, 1], average="micro"), "macro"),
    (lambda: precision_recall_f1([0, 1], [0, 1], zero_division=0.5), "zero_division"),
    (lambda: rmse(np.zeros(3), np.zeros(4)), r"shape \(3,\)"),
    (lambda: accuracy([], []), "empty"),
])
def test_bad_arguments_say_what_was_expected(call, message):
    with pytest.raises((ValueError, TypeError), match=message):
        call()

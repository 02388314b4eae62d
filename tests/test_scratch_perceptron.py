"""The McCulloch-Pitts neuron and the perceptron learning algorithm."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from dlcourse.scratch.perceptron import mcculloch_pitts, perceptron_predict, perceptron_train, perceptron_train_epochs

INPUTS = np.array(list(itertools.product([0, 1], repeat=3)), dtype=float)


def test_mcculloch_pitts_computes_and_or():
    np.testing.assert_array_equal(mcculloch_pitts(INPUTS, 3), np.all(INPUTS == 1, axis=1))
    np.testing.assert_array_equal(mcculloch_pitts(INPUTS, 1), np.any(INPUTS == 1, axis=1))
    np.testing.assert_array_equal(mcculloch_pitts(INPUTS, 2), INPUTS.sum(axis=1) >= 2)


def test_mcculloch_pitts_refuses_non_binary_inputs():
    with pytest.raises(ValueError, match="binary"):
        mcculloch_pitts(np.array([[0.5, 1.0]]), 1)


def _reference_perceptron(X, y, steps, seed):
    """The algorithm as the notes state it, written out separately."""
    rng = np.random.default_rng(seed)
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(steps):
        r = rng.integers(len(X))
        if (1 if w @ X[r] + b > 0 else -1) != y[r]:
            w, b = w + y[r] * X[r], b + y[r]
    return w, b


@pytest.mark.parametrize("seed", range(4))
def test_perceptron_follows_the_learning_rule(seed):
    rng = np.random.default_rng(100 + seed)
    X = rng.normal(size=(20, 3))
    y = np.where(rng.uniform(size=20) < 0.5, 1.0, -1.0)
    w, b = perceptron_train(X, y, 57, np.random.default_rng(seed))
    w_ref, b_ref = _reference_perceptron(X, y, 57, seed)
    np.testing.assert_array_equal(w, w_ref)
    assert b == b_ref


@pytest.mark.parametrize("gate", ["and", "or"])
def test_perceptron_learns_linearly_separable_gates(gate):
    X = np.array(list(itertools.product([0, 1], repeat=2)), dtype=float)
    y = np.where(np.all(X == 1, axis=1) if gate == "and" else np.any(X == 1, axis=1), 1, -1)
    w, b = perceptron_train(X, y, 200, 0)
    np.testing.assert_array_equal(perceptron_predict(X, w, b), y)


def test_perceptron_never_fits_xor():
    X = np.array(list(itertools.product([0, 1], repeat=2)), dtype=float)
    y = np.where(X[:, 0] != X[:, 1], 1, -1)
    for seed in range(5):
        w, b = perceptron_train(X, y, 500, seed)
        assert np.sum(perceptron_predict(X, w, b) == y) <= 3


def test_perceptron_checks_its_labels():
    with pytest.raises(ValueError, match=r"-1 or \+1"):
        perceptron_train(np.zeros((2, 2)), np.array([0.0, 1.0]), 5, 0)


def _reference_epochs(X, y, epochs, seed):
    """The epoch version written out separately: one permutation per epoch, updates on mistakes."""
    rng = np.random.default_rng(seed)
    w, b, counts = np.zeros(X.shape[1]), 0.0, []
    for _ in range(epochs):
        count = 0
        for r in rng.permutation(len(X)):
            if (1 if w @ X[r] + b > 0 else -1) != y[r]:
                w, b, count = w + y[r] * X[r], b + y[r], count + 1
        counts.append(count)
    return w, b, counts


@pytest.mark.parametrize("seed", range(3))
def test_perceptron_epochs_follow_the_learning_rule(seed):
    rng = np.random.default_rng(200 + seed)
    X = rng.integers(-2, 3, size=(15, 3))  # integer data: w.x + b is exactly 0 now and then
    y = np.where(rng.uniform(size=15) < 0.5, 1, -1)
    w, b, mistakes = perceptron_train_epochs(X, y, 6, np.random.default_rng(seed))
    w_ref, b_ref, counts = _reference_epochs(X, y, 6, seed)
    np.testing.assert_array_equal(w, w_ref)
    assert b == b_ref and isinstance(b, float)
    assert mistakes.dtype == np.int64 and mistakes.tolist() == counts


def test_perceptron_epochs_stop_making_mistakes_on_separable_data_only():
    X = np.array(list(itertools.product([0, 1], repeat=2)), dtype=float)
    _, _, and_mistakes = perceptron_train_epochs(X, np.where(np.all(X == 1, axis=1), 1, -1), 30, 0)
    assert and_mistakes[-1] == 0
    _, _, xor_mistakes = perceptron_train_epochs(X, np.where(X[:, 0] != X[:, 1], 1, -1), 30, 0)
    assert np.all(xor_mistakes > 0)


def test_perceptron_epochs_refuse_bad_labels():
    with pytest.raises(ValueError, match="-1 or \\+1"):
        perceptron_train_epochs(np.zeros((2, 1)), np.array([0, 1]), 1, 0)

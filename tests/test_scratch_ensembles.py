"""Ensembles against scikit-learn's VotingClassifier/VotingRegressor and SciPy's mode."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats
from sklearn.ensemble import VotingClassifier, VotingRegressor
from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge
from sklearn.naive_bayes import GaussianNB
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

from dlcourse.data.classification import make_blobs
from dlcourse.scratch.ensembles import average_predictions, hard_vote, soft_vote, vote_counts


def _classifiers():
    return [("logistic", LogisticRegression()), ("bayes", GaussianNB()),
            ("tree", DecisionTreeClassifier(max_depth=2, random_state=0))]


@pytest.mark.parametrize("seed", range(3))
def test_votes_match_scikit_learns_voting_classifier(seed):
    X, y = make_blobs(120, seed, spread=0.9)
    fitted = [model.fit(X, y) for _, model in _classifiers()]
    labels = np.stack([model.predict(X) for model in fitted])          # (J, M)
    probabilities = np.stack([model.predict_proba(X) for model in fitted])  # (J, M, K)
    hard = VotingClassifier(_classifiers(), voting="hard").fit(X, y).predict(X)
    soft = VotingClassifier(_classifiers(), voting="soft").fit(X, y).predict(X)
    np.testing.assert_array_equal(hard_vote(labels, 3), hard)
    np.testing.assert_array_equal(soft_vote(probabilities), soft)


@pytest.mark.parametrize("seed, j, m, k", [(0, 1, 5, 2), (1, 4, 30, 3), (2, 6, 50, 5)])
def test_hard_vote_is_the_mode_with_ties_to_the_smallest_class(seed, j, m, k):
    labels = np.random.default_rng(seed).integers(0, k, size=(j, m))
    np.testing.assert_array_equal(hard_vote(labels, k), stats.mode(labels, axis=0).mode)
    counts = vote_counts(labels, k)
    assert counts.shape == (m, k) and np.all(counts.sum(axis=1) == j)
    np.testing.assert_array_equal(hard_vote(np.array([[0, 2], [1, 1]]), 3), [0, 1])


def test_soft_and_hard_votes_can_disagree():
    probabilities = np.array([[[0.9, 0.1]], [[0.45, 0.55]], [[0.45, 0.55]]])  # (3 models, 1 point, 2 classes)
    assert soft_vote(probabilities)[0] == 0
    assert hard_vote(probabilities.argmax(axis=2), 2)[0] == 1


def test_average_matches_scikit_learns_voting_regressor():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(40, 3))
    y = X @ [1.0, -2.0, 0.5] + np.sin(3 * X[:, 0])
    models = [("ols", LinearRegression()), ("ridge", Ridge(alpha=3.0)), ("tree", DecisionTreeRegressor(max_depth=3, random_state=0))]
    predictions = np.stack([model.fit(X, y).predict(X) for _, model in models])
    expected = VotingRegressor(models).fit(X, y).predict(X)
    np.testing.assert_allclose(average_predictions(predictions), expected, rtol=1e-12)


@pytest.mark.parametrize("call, error, message", [
    (lambda: average_predictions(np.ones(3)), ValueError, r"shape \(J, M\)"),
    (lambda: hard_vote(np.ones((2, 3)), 2), TypeError, "integer class predictions"),
    (lambda: hard_vote(np.array([[0, 3]]), 3), ValueError, r"lie in \[0, 2\]"),
    (lambda: hard_vote(np.array([0, 1]), 2), ValueError, r"shape \(J, M\)"),
    (lambda: soft_vote(np.ones((2, 3))), ValueError, r"shape \(J, M, K\)"),
])
def test_ensemble_errors_name_the_expected_input(call, error, message):
    with pytest.raises(error, match=message):
        call()

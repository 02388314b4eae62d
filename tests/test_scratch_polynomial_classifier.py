"""The polynomial softmax classifier: standardized monomial features, a fit that matches
scikit-learn's multinomial logistic regression, and the per-degree scan."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures, StandardScaler

from dlcourse.data.classification import make_blobs, make_spirals
from dlcourse.scratch.features import polynomial_features
from dlcourse.scratch.polynomial_classifier import fit_polynomial_softmax, scan_degrees
from dlcourse.scratch.softmax_regression import softmax_regression_gradient


def test_features_are_the_standardized_monomials_of_scikit_learn():
    X, y = make_spirals(80, 0)
    model = fit_polynomial_softmax(X, y, 4, l2=0.01)
    expected = make_pipeline(PolynomialFeatures(4, include_bias=False), StandardScaler()).fit_transform(X)
    features = model.features(X)
    np.testing.assert_array_equal(features[:, 0], 1.0)
    np.testing.assert_allclose(features[:, 1:], expected, rtol=1e-9, atol=1e-9)


@pytest.mark.parametrize("seed, degree, l2", [(0, 1, 0.01), (1, 3, 0.001), (2, 5, 0.03)])
def test_fit_matches_scikit_learn_with_the_same_objective(seed, degree, l2):
    X, y = make_spirals(90, seed, noise=0.15)
    model = fit_polynomial_softmax(X, y, degree, l2=l2, max_iter=5000)
    features = model.features(X)
    # (1/N) sum CE + l2 ||W||^2 is proportional to sum CE + (1 / (2C)) ||W||^2 with C = 1 / (2 N l2);
    # the constant column stands in for the intercept, so it is penalized like every weight.
    reference = LogisticRegression(C=1 / (2 * len(y) * l2), fit_intercept=False, tol=1e-12, max_iter=10_000)
    reference.fit(features, y)
    np.testing.assert_allclose(model.probabilities(X), reference.predict_proba(features), atol=2e-4)  # L-BFGS stops at a gradient of ~1e-5
    np.testing.assert_allclose(softmax_regression_gradient(model.weights, features, y, l2), 0, atol=1e-5)


def test_predictions_logits_and_the_grid_shortcut_agree():
    X, y = make_blobs(60, 1, spread=0.8)
    model = fit_polynomial_softmax(X, y, 3, l2=1e-4)
    points = np.random.default_rng(0).uniform(-3, 3, size=(200, 2))
    logits = model.logits(points)
    np.testing.assert_allclose(model.logits_from_monomials(polynomial_features(points, 3, include_bias=False)), logits,
                               rtol=1e-9, atol=1e-9)
    np.testing.assert_array_equal(model.predict(points), logits.argmax(axis=1))
    np.testing.assert_allclose(model.probabilities(points).sum(axis=1), 1.0)
    assert model.accuracy(X, y) == pytest.approx(np.mean(model.predict(X) == y))
    assert model.num_classes == 3


def test_a_linear_model_separates_well_separated_blobs():
    X, y = make_blobs(150, 0, spread=0.2)
    assert fit_polynomial_softmax(X, y, 1, l2=1e-4).accuracy(X, y) == 1.0


def test_scan_degrees_measures_every_degree_on_both_sets():
    X, y = make_spirals(260, 3, noise=0.15)
    scan = scan_degrees(X[:60], y[:60], X[60:], y[60:], [1, 3, 8], l2=1e-4)
    assert [m.degree for m in scan.models] == [1, 3, 8]
    for values in (scan.train_loss, scan.val_loss, scan.train_accuracy, scan.val_accuracy):
        assert values.shape == (3,)
    assert scan.train_loss[0] > scan.train_loss[1] > scan.train_loss[2]  # more capacity fits better
    assert scan.val_accuracy[2] == pytest.approx(scan.models[2].accuracy(X[60:], y[60:]))


@pytest.mark.parametrize("call, message", [
    (lambda: fit_polynomial_softmax(np.ones(5), np.zeros(5, int), 2), r"shape \(N, D\)"),
    (lambda: fit_polynomial_softmax(np.ones((5, 2)), np.zeros(4, int), 2), r"shape \(5,\)"),
    (lambda: fit_polynomial_softmax(np.ones((5, 2)), np.zeros(5, int), -1), "non-negative integer"),
])
def test_classifier_errors_name_the_expected_input(call, message):
    with pytest.raises((ValueError, TypeError), match=message):
        call()

"""Feature expansions and the linear, logistic and softmax regression models against independent
oracles: scikit-learn, NumPy's least squares and PyTorch autograd in float64."""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.preprocessing import PolynomialFeatures

from dlcourse.scratch.features import add_bias_column, polynomial_features
from dlcourse.scratch.linear_models import fit_least_squares, fit_ridge
from dlcourse.scratch.logistic_regression import logistic_regression_gradient, logistic_regression_loss
from dlcourse.scratch.softmax_regression import (
    fit_softmax_regression,
    softmax_regression_gradient,
    softmax_regression_loss,
    softmax_regression_predict,
    softmax_regression_probabilities,
)
from torch_oracle import vjp


@pytest.mark.parametrize("shape, degree", [((7,), 0), ((7,), 5), ((6, 2), 3), ((4, 3), 2), ((5, 1), 4)])
@pytest.mark.parametrize("include_bias", [True, False])
def test_polynomial_features_match_scikit_learn(shape, degree, include_bias):
    X = np.random.default_rng(degree).normal(size=shape)
    if degree == 0 and not include_bias:  # no monomial left (scikit-learn refuses this case)
        assert polynomial_features(X, degree, include_bias).shape == (shape[0], 0)
        return
    expected = PolynomialFeatures(degree, include_bias=include_bias).fit_transform(X.reshape(shape[0], -1))
    np.testing.assert_allclose(polynomial_features(X, degree, include_bias), expected, rtol=1e-12)


def test_one_feature_gives_the_powers_in_order():
    x = np.array([2.0, -1.0])
    np.testing.assert_array_equal(polynomial_features(x, 3), [[1, 2, 4, 8], [1, -1, 1, -1]])


def test_bias_column():
    np.testing.assert_array_equal(add_bias_column(np.array([[2.0, 3.0]])), [[1.0, 2.0, 3.0]])
    np.testing.assert_array_equal(add_bias_column(np.array([5.0, 6.0])), [[1.0, 5.0], [1.0, 6.0]])


@pytest.mark.parametrize("call, message", [
    (lambda: polynomial_features(np.ones((2, 2, 2)), 2), r"shape \(N,\) or \(N, D\)"),
    (lambda: polynomial_features(np.ones(3), -1), "non-negative integer"),
    (lambda: add_bias_column(np.ones((2, 2, 2))), r"shape \(N, D\)"),
])
def test_feature_errors_name_the_expected_input(call, message):
    with pytest.raises((ValueError, TypeError), match=message):
        call()


@pytest.mark.parametrize("seed", range(3))
def test_least_squares_and_ridge_match_their_oracles(seed):
    rng = np.random.default_rng(seed)
    X = add_bias_column(rng.normal(size=(40, 3)))
    y = X @ rng.normal(size=4) + 0.3 * rng.normal(size=40)
    np.testing.assert_allclose(fit_least_squares(X, y), np.linalg.lstsq(X, y, rcond=None)[0], rtol=1e-10)
    l2 = 0.05
    # scikit-learn's Ridge minimizes ||y - X w||^2 + alpha ||w||^2: alpha = N * l2 here.
    expected = Ridge(alpha=40 * l2, fit_intercept=False, solver="cholesky").fit(X, y).coef_
    np.testing.assert_allclose(fit_ridge(X, y, l2), expected, rtol=1e-8)
    w = fit_ridge(X, y, l2)
    gradient = 2 / 40 * X.T @ (X @ w - y) + 2 * l2 * w
    np.testing.assert_allclose(gradient, 0, atol=1e-10)
    np.testing.assert_allclose(fit_ridge(X, y, 0.0), fit_least_squares(X, y))


@pytest.mark.parametrize("seed, vector", [(0, False), (1, True), (2, True)])
def test_logistic_regression_loss_and_gradient_match_autograd(seed, vector):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(30, 4)) if vector else rng.normal(size=30)
    w = rng.normal(size=4) if vector else float(rng.normal())
    y = (rng.uniform(size=30) < 0.5).astype(float)
    X_t, y_t = torch.tensor(X), torch.tensor(y)
    loss, (grad,) = vjp(lambda w: F.binary_cross_entropy_with_logits(X_t @ w if vector else w * X_t, y_t), [w])
    assert logistic_regression_loss(w, X, y) == pytest.approx(float(loss), rel=1e-12)
    np.testing.assert_allclose(logistic_regression_gradient(w, X, y), grad, rtol=1e-10)


def test_logistic_regression_rejects_mismatched_shapes():
    with pytest.raises(ValueError, match=r"w of shape \(D,\) needs X of shape \(N, D\)"):
        logistic_regression_loss(np.ones(3), np.ones((5, 2)), np.zeros(5))


@pytest.mark.parametrize("seed, l2", [(0, 0.0), (1, 0.1), (2, 1e-3)])
def test_softmax_regression_loss_and_gradient_match_autograd(seed, l2):
    rng = np.random.default_rng(seed)
    X, W = rng.normal(size=(25, 4)), rng.normal(size=(4, 3))
    y = rng.integers(0, 3, size=25)
    loss, (grad,) = vjp(lambda W: F.cross_entropy(torch.tensor(X) @ W, torch.tensor(y)) + l2 * (W**2).sum(), [W])
    assert softmax_regression_loss(W, X, y, l2) == pytest.approx(float(loss), rel=1e-12)
    np.testing.assert_allclose(softmax_regression_gradient(W, X, y, l2), grad, rtol=1e-10, atol=1e-14)
    probabilities = softmax_regression_probabilities(W, X)
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0)
    np.testing.assert_array_equal(softmax_regression_predict(W, X), probabilities.argmax(axis=1))


def test_fitted_softmax_regression_is_scikit_learns_multinomial_logistic_regression():
    rng = np.random.default_rng(5)
    X = add_bias_column(rng.normal(size=(120, 2)))
    y = (X[:, 1] > 0).astype(int) + (X[:, 2] > 0.5).astype(int)
    l2 = 0.01
    W = fit_softmax_regression(X, y, num_classes=3, l2=l2)
    np.testing.assert_allclose(softmax_regression_gradient(W, X, y, l2), 0, atol=1e-5)
    # scikit-learn minimizes C * sum_n loss_n + ||W||^2 / 2, the same objective with C = 1 / (2 N l2).
    sklearn = LogisticRegression(C=1 / (2 * 120 * l2), fit_intercept=False, tol=1e-10, max_iter=10_000).fit(X, y)
    np.testing.assert_allclose(softmax_regression_probabilities(W, X), sklearn.predict_proba(X), atol=1e-4)

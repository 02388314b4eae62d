"""The L2 (ridge) objective and gradient against PyTorch autograd, and the lasso against
scikit-learn."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from sklearn.linear_model import Lasso, Ridge

from dlcourse.scratch.features import polynomial_features
from dlcourse.scratch.linear_models import fit_lasso, fit_ridge, ridge_gradient, ridge_loss, soft_threshold
from torch_oracle import vjp


@pytest.mark.parametrize("seed, n, d, l2", [(0, 20, 3, 0.0), (1, 50, 6, 0.1), (2, 5, 8, 2.0)])
def test_ridge_loss_and_gradient_match_autograd(seed, n, d, l2):
    rng = np.random.default_rng(seed)
    X, y, w = rng.normal(size=(n, d)), rng.normal(size=n), rng.normal(size=d)
    loss, (grad,) = vjp(lambda w: torch.mean((torch.tensor(X) @ w - torch.tensor(y)) ** 2) + l2 * torch.sum(w**2), [w])
    assert ridge_loss(w, X, y, l2) == pytest.approx(float(loss), rel=1e-12)
    np.testing.assert_allclose(ridge_gradient(w, X, y, l2), grad, rtol=1e-10, atol=1e-12)


def test_the_ridge_gradient_vanishes_at_the_closed_form():
    rng = np.random.default_rng(4)
    X = polynomial_features(rng.uniform(-1, 1, 30), 6)
    y = rng.normal(size=30)
    np.testing.assert_allclose(ridge_gradient(fit_ridge(X, y, 0.01), X, y, 0.01), 0, atol=1e-10)


@pytest.mark.parametrize("seed, n, d, l2", [(5, 20, 3, 0.3), (6, 40, 7, 1e-3), (7, 6, 2, 2.0)])
def test_an_unpenalized_bias_matches_autograd_and_scikit_learn(seed, n, d, l2):
    rng = np.random.default_rng(seed)
    X = np.hstack([np.ones((n, 1)), rng.normal(size=(n, d - 1))])
    y, w = rng.normal(size=n) + 5.0, rng.normal(size=d)
    loss, (grad,) = vjp(lambda w: torch.mean((torch.tensor(X) @ w - torch.tensor(y)) ** 2) + l2 * torch.sum(w[1:] ** 2),
                        [w])
    assert ridge_loss(w, X, y, l2, penalize_bias=False) == pytest.approx(float(loss), rel=1e-12)
    np.testing.assert_allclose(ridge_gradient(w, X, y, l2, penalize_bias=False), grad, rtol=1e-10, atol=1e-12)
    # scikit-learn fits an unpenalized intercept and minimizes ||X w - y||^2 + alpha ||w||^2
    fitted = Ridge(alpha=n * l2, fit_intercept=True, solver="svd").fit(X[:, 1:], y)
    w_star = fit_ridge(X, y, l2, penalize_bias=False)
    np.testing.assert_allclose(w_star, np.concatenate([[fitted.intercept_], fitted.coef_]), rtol=1e-8, atol=1e-10)
    np.testing.assert_allclose(ridge_gradient(w_star, X, y, l2, penalize_bias=False), 0, atol=1e-10)
    # shifting every label shifts only the bias weight
    np.testing.assert_allclose(fit_ridge(X, y + 3.0, l2, penalize_bias=False), w_star + np.eye(d)[0] * 3.0, atol=1e-10)


def test_soft_threshold_shrinks_towards_zero_and_zeroes_the_small():
    np.testing.assert_allclose(soft_threshold(np.array([-3.0, -0.5, 0.0, 0.2, 2.0]), 1.0), [-2.0, 0.0, 0.0, 0.0, 1.0])


@pytest.mark.parametrize("seed, l1", [(0, 0.01), (1, 0.1), (2, 0.5)])
def test_lasso_matches_scikit_learn(seed, l1):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(60, 8))
    y = X @ np.array([2.0, 0, 0, -1.0, 0, 0, 0.5, 0]) + 0.3 * rng.normal(size=60)
    # scikit-learn's Lasso minimizes (1/(2N)) ||y - X w||^2 + alpha ||w||_1: alpha = l1 / 2 here.
    expected = Lasso(alpha=l1 / 2, fit_intercept=False, tol=1e-12, max_iter=100_000).fit(X, y).coef_
    w = fit_lasso(X, y, l1)
    np.testing.assert_allclose(w, expected, atol=1e-6)
    np.testing.assert_array_equal(w == 0, expected == 0)


def test_a_strong_l1_penalty_switches_every_feature_off():
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(20, 4)), rng.normal(size=20)
    assert np.all(fit_lasso(X, y, 100.0) == 0)
    np.testing.assert_allclose(fit_lasso(X, y, 0.0, max_iter=20_000), np.linalg.lstsq(X, y, rcond=None)[0], atol=1e-6)


@pytest.mark.parametrize("call, message", [
    (lambda: ridge_gradient(np.ones(2), np.ones((4, 3)), np.ones(4), 0.1), r"w must have shape \(3,\)"),
    (lambda: ridge_loss(np.ones(3), np.ones((4, 3)), np.ones(5), 0.1), r"y must have shape \(4,\)"),
    (lambda: ridge_loss(np.ones(3), np.ones((4, 3)), np.ones(4), -1.0), "non-negative"),
    (lambda: fit_lasso(np.ones(4), np.ones(4), 0.1), r"shape \(N, D\)"),
])
def test_regularization_errors_name_the_expected_input(call, message):
    with pytest.raises((ValueError, TypeError), match=message):
        call()

"""The from-scratch pieces chapter 01 uses agree with independent oracles (NumPy, PyTorch)."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from torch.distributions import Bernoulli, Normal, Poisson, kl_divergence

from dlcourse.scratch import losses
from dlcourse.scratch.activations import logistic
from dlcourse.scratch.linear_models import fit_slope
from dlcourse.scratch.preprocessing import standardize

SEEDS = range(5)


@pytest.mark.parametrize("seed", SEEDS)
def test_fit_slope_is_least_squares_through_the_origin(seed):
    rng = np.random.default_rng(seed)
    x = rng.normal(1.0, 2.0, 30)
    y = 0.7 * x + rng.normal(size=30)
    expected = np.linalg.lstsq(x[:, None], y, rcond=None)[0][0]
    assert fit_slope(x, y) == pytest.approx(expected, rel=1e-12)


def test_fit_slope_rejects_bad_input():
    with pytest.raises(ValueError, match="non-zero x"):
        fit_slope(np.zeros(3), np.ones(3))
    with pytest.raises(ValueError, match=r"shape \(3,\)"):
        fit_slope(np.ones(3), np.ones(4))
    with pytest.raises(ValueError, match=r"shape \(N,\)"):
        fit_slope(np.ones((3, 1)), np.ones((3, 1)))


@pytest.mark.parametrize("seed", SEEDS)
def test_losses_match_torch(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 50))
    prediction, target = rng.normal(size=n), rng.normal(size=n)
    t_pred, t_target = torch.tensor(prediction), torch.tensor(target)
    assert losses.mean_squared_error(prediction, target) == pytest.approx(torch.nn.functional.mse_loss(t_pred, t_target).item())
    assert losses.mean_absolute_error(prediction, target) == pytest.approx(torch.nn.functional.l1_loss(t_pred, t_target).item())

    std = rng.uniform(0.2, 3, n)
    expected = -Normal(t_pred, torch.tensor(std)).log_prob(t_target).mean().item()
    assert losses.gaussian_nll(target, prediction, std) == pytest.approx(expected)

    probs = rng.uniform(0.01, 0.99, n)
    labels = (rng.uniform(size=n) < 0.5).astype(float)
    expected = -Bernoulli(probs=torch.tensor(probs)).log_prob(torch.tensor(labels)).mean().item()
    assert losses.bernoulli_nll(labels, probs) == pytest.approx(expected)

    rate = rng.uniform(0.1, 5, n)
    counts = rng.poisson(rate).astype(float)
    expected = -Poisson(torch.tensor(rate)).log_prob(torch.tensor(counts)).mean().item()
    assert losses.poisson_nll(counts, rate) == pytest.approx(expected)


def test_bernoulli_nll_handles_certain_predictions():
    assert losses.bernoulli_nll([1.0, 0.0], [1.0, 0.0]) == 0.0
    assert losses.bernoulli_nll([1.0], [0.0]) == np.inf


@pytest.mark.parametrize("shape", [(), (4,), (2, 3)])
def test_gaussian_kl_matches_torch_and_is_asymmetric(shape):
    rng = np.random.default_rng(len(shape))
    mp, mq = rng.normal(size=shape), rng.normal(size=shape)
    sp, sq = rng.uniform(0.3, 3, shape), rng.uniform(0.3, 3, shape)
    expected = kl_divergence(Normal(torch.tensor(mp), torch.tensor(sp)), Normal(torch.tensor(mq), torch.tensor(sq))).numpy()
    np.testing.assert_allclose(losses.gaussian_kl(mp, sp, mq, sq), expected, rtol=1e-12)
    assert losses.gaussian_kl(0.0, 1.0, 0.0, 1.0) == 0.0
    assert losses.gaussian_kl(0.0, 1.0, 0.0, 2.0) != pytest.approx(losses.gaussian_kl(0.0, 2.0, 0.0, 1.0))


@pytest.mark.parametrize("call, message", [
    (lambda: losses.gaussian_nll([0.0], 0.0, 0.0), "std must be positive"),
    (lambda: losses.bernoulli_nll([1.0], [1.5]), r"probs must lie in \[0, 1\]"),
    (lambda: losses.poisson_nll([1.5], [1.0]), "non-negative integer counts"),
    (lambda: losses.mean_squared_error(np.ones(3), np.ones(2)), r"target must have shape \(3,\)"),
    (lambda: losses.gaussian_kl(np.ones(2), 1.0, np.ones(3), 1.0), "do not broadcast"),
])
def test_losses_reject_bad_input_with_a_reason(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_logistic_is_stable_and_matches_torch():
    z = np.array([-1000.0, -30.0, -1.0, 0.0, 1.0, 30.0, 1000.0])
    with np.errstate(over="raise", invalid="raise", divide="raise"):  # underflow to 0 is harmless
        values = logistic(z)
    np.testing.assert_allclose(values, torch.sigmoid(torch.tensor(z)).numpy(), rtol=1e-15, atol=0)
    assert values[0] == 0.0 and values[-1] == 1.0 and values[3] == 0.5


@pytest.mark.parametrize("shape", [(5, 3), (100, 1), (2, 7)])
def test_standardize_matches_scikit_learn(shape):
    from sklearn.preprocessing import StandardScaler

    rng = np.random.default_rng(shape[0])
    X = rng.normal(5, 3, shape)
    X[:, 0] = 2.0
    before = X.copy()
    np.testing.assert_allclose(standardize(X), StandardScaler().fit_transform(before), atol=1e-12)
    np.testing.assert_array_equal(X, before)


def test_standardize_names_the_expected_shape():
    with pytest.raises(ValueError, match=r"shape \(N, D\)"):
        standardize(np.ones(3))

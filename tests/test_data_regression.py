"""Regression data come from the process they claim, reproducibly."""

from __future__ import annotations

import numpy as np
import pytest

from dlcourse.data.regression import corrupt_with_outliers, make_glm_data, make_linear_data, sample_regression
from dlcourse.scratch.activations import logistic


def test_same_seed_same_data():
    np.testing.assert_array_equal(make_linear_data(50, 2.0, 1.0, 3)[1], make_linear_data(50, 2.0, 1.0, 3)[1])
    assert not np.array_equal(make_linear_data(50, 2.0, 1.0, 3)[1], make_linear_data(50, 2.0, 1.0, 4)[1])


def test_linear_data_have_the_stated_slope_and_noise():
    x, y = make_linear_data(200_000, slope=-1.5, noise_std=0.7, rng=0, x_low=-2, x_high=4)
    assert x.shape == y.shape == (200_000,)
    assert x.min() >= -2 and x.max() <= 4
    slope = np.polyfit(x, y, 1)[0]
    assert slope == pytest.approx(-1.5, abs=0.01)
    assert np.std(y - (-1.5) * x) == pytest.approx(0.7, rel=0.01)


def test_heteroskedastic_noise_follows_its_function():
    x, y = sample_regression(400_000, lambda x: 0 * x, lambda x: np.exp(0.5 * x), 1)
    for low, high in [(-3, -2), (2, 3)]:
        inside = (x > low) & (x < high)
        expected = np.sqrt(np.mean(np.exp(x[inside])))  # E[std(x)^2] over the bin
        assert np.std(y[inside]) == pytest.approx(expected, rel=0.02)


def test_bernoulli_glm_labels_follow_the_logistic():
    x, y = make_glm_data(300_000, w=1.2, family="bernoulli", rng=2)
    assert set(np.unique(y)) == {0.0, 1.0}
    inside = np.abs(x - 1.0) < 0.05
    assert y[inside].mean() == pytest.approx(logistic(1.2), abs=0.02)


def test_poisson_glm_counts_have_the_exponential_rate():
    x, y = make_glm_data(300_000, w=0.5, family="poisson", rng=3)
    assert np.all(y == np.round(y)) and y.min() >= 0
    inside = np.abs(x - 2.0) < 0.05
    assert y[inside].mean() == pytest.approx(np.exp(1.0), rel=0.05)


def test_outliers_shift_exactly_the_stated_fraction():
    y = np.zeros(200)
    corrupted, mask = corrupt_with_outliers(y, 0.1, 15.0, 0)
    assert mask.sum() == 20 and np.all(corrupted[mask] == 15.0) and np.all(corrupted[~mask] == 0.0)
    assert np.all(y == 0), "the input must not be modified"


@pytest.mark.parametrize("call, message", [
    (lambda: make_linear_data(0, 1.0, 1.0, 0), "positive integer"),
    (lambda: make_glm_data(10, 1.0, "gamma", 0), "'bernoulli' or 'poisson'"),
    (lambda: corrupt_with_outliers(np.zeros(3), 1.5, 1.0, 0), r"\[0, 1\]"),
    (lambda: make_linear_data(10, 1.0, 1.0, None), "Generator"),
])
def test_bad_arguments_say_what_was_expected(call, message):
    with pytest.raises((ValueError, TypeError), match=message):
        call()

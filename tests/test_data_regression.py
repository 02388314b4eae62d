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
    (lambda: make_glm_data(10, 1.0, "gamma", 0), "'bernoulli', 'poisson'"),
    (lambda: corrupt_with_outliers(np.zeros(3), 1.5, 1.0, 0), r"\[0, 1\]"),
    (lambda: make_linear_data(10, 1.0, 1.0, None), "Generator"),
])
def test_bad_arguments_say_what_was_expected(call, message):
    with pytest.raises((ValueError, TypeError), match=message):
        call()


def test_polynomial_data_follow_their_polynomial_of_the_stated_degree():
    from numpy.polynomial import polynomial as P

    from dlcourse.data.regression import make_polynomial_data

    x, y, coefficients = make_polynomial_data(5000, noise_std=0.05, rng=5, degree=7)
    assert x.shape == y.shape == (5000,) and coefficients.shape == (8,)
    assert x.min() >= -1 and x.max() <= 1
    residual = y - P.polyval(x, coefficients)
    assert np.std(residual) == pytest.approx(0.05, rel=0.05)
    # All seven roots lie inside the range, so the curve changes sign seven times there.
    roots = P.polyroots(coefficients)
    assert np.all(np.abs(roots.imag) < 1e-6) and np.all(np.abs(roots.real) <= 1)
    dense = np.linspace(-1, 1, 2001)
    assert np.max(np.abs(P.polyval(dense, coefficients))) == pytest.approx(1.0)
    # A degree-7 fit explains the data down to the noise; a cubic cannot.
    assert np.std(y - np.polyval(np.polyfit(x, y, 7), x)) == pytest.approx(0.05, rel=0.05)
    assert np.std(y - np.polyval(np.polyfit(x, y, 3), x)) > 2 * 0.05


def test_polynomial_and_sine_data_are_reproducible_and_differ_across_seeds():
    from dlcourse.data.regression import make_polynomial_data, make_sine_data

    np.testing.assert_array_equal(make_polynomial_data(30, 0.1, 1)[1], make_polynomial_data(30, 0.1, 1)[1])
    assert not np.array_equal(make_polynomial_data(30, 0.1, 1)[2], make_polynomial_data(30, 0.1, 2)[2])
    np.testing.assert_array_equal(make_sine_data(30, 0.1, 1)[1], make_sine_data(30, 0.1, 1)[1])
    assert not np.array_equal(make_sine_data(30, 0.1, 1)[1], make_sine_data(30, 0.1, 2)[1])


def test_sine_data_have_the_stated_mean_and_noise():
    from dlcourse.data.regression import make_sine_data

    x, y = make_sine_data(100_000, noise_std=0.2, rng=0, frequency=2.0)
    assert x.min() >= -np.pi and x.max() <= np.pi
    assert np.std(y - np.sin(2.0 * x)) == pytest.approx(0.2, rel=0.02)

"""2-D classification sets and 2-D densities have the structure they claim, reproducibly."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from dlcourse.data.classification import (
    blob_centers,
    class_sizes,
    make_blobs,
    make_circles,
    make_moons,
    make_spirals,
    make_xor,
    points_on_circle,
)
from dlcourse.data.densities import (
    DENSITIES,
    mixture_means,
    sample_density,
    sample_gaussian_mixture,
    sample_moons,
    sample_swiss_roll,
)

GENERATORS = [make_xor, make_moons, make_circles, make_spirals, make_blobs]


@pytest.mark.parametrize("make", GENERATORS)
def test_shapes_dtypes_and_reproducibility(make):
    X, y = make(101, 3)
    assert X.shape == (101, 2) and X.dtype == np.float64
    assert y.shape == (101,) and y.dtype == np.int64
    X2, y2 = make(101, 3)
    np.testing.assert_array_equal(X, X2)
    np.testing.assert_array_equal(y, y2)
    assert not np.array_equal(make(101, 4)[0], X)


@pytest.mark.parametrize("make", [make_moons, make_circles, make_spirals, make_blobs])
def test_classes_are_balanced_and_shuffled(make):
    _, y = make(300, 0)
    counts = np.bincount(y)
    assert counts.max() - counts.min() <= 1
    assert len(np.unique(y[:30])) == len(counts), "the first examples should mix the classes"


def test_class_sizes_split_as_evenly_as_possible():
    np.testing.assert_array_equal(class_sizes(10, 3), [4, 3, 3])
    assert class_sizes(7, 7).sum() == 7


def test_xor_labels_are_the_xor_of_the_quadrant_signs():
    X, y = make_xor(2000, 0)
    np.testing.assert_array_equal(y, np.logical_xor(X[:, 0] > 0, X[:, 1] > 0).astype(int))
    assert np.all(np.abs(X) <= 1)
    _, noisy = make_xor(20_000, 0, label_noise=0.2)
    X, _ = make_xor(20_000, 0)
    clean = np.logical_xor(X[:, 0] > 0, X[:, 1] > 0)
    assert np.mean(noisy != clean) == pytest.approx(0.2, abs=0.015)


def test_xor_and_spirals_defeat_a_linear_classifier_but_blobs_do_not():
    for make, linear_fails in [(make_xor, True), (make_spirals, True), (make_blobs, False)]:
        X, y = make(3000, 1)
        score = LogisticRegression(max_iter=1000).fit(X, y).score(X, y)
        chance = np.bincount(y).max() / len(y)
        if linear_fails:
            assert score < chance + 0.2, f"{make.__name__}: a linear model reached {score:.2f}"
        else:
            assert score > 0.9, f"{make.__name__}: a linear model reached only {score:.2f}"


def test_moons_lie_on_their_half_circles():
    X, y = make_moons(1000, 0, noise=0.0)
    upper, lower = X[y == 0], X[y == 1]
    np.testing.assert_allclose(np.linalg.norm(upper, axis=1), 1.0)
    np.testing.assert_allclose(np.linalg.norm(lower - [1.0, 0.5], axis=1), 1.0)
    assert np.all(upper[:, 1] >= 0) and np.all(lower[:, 1] <= 0.5)


def test_spiral_arms_follow_their_angle():
    n_arms, turns = 4, 0.75
    X, y = make_spirals(800, 0, n_arms=n_arms, turns=turns, noise=0.0)
    r = np.linalg.norm(X, axis=1)
    assert np.all(r <= 1)
    expected = 2 * np.pi * y / n_arms + 2 * np.pi * turns * r
    difference = np.angle(np.exp(1j * (np.arctan2(X[:, 1], X[:, 0]) - expected)))
    np.testing.assert_allclose(difference, 0.0, atol=1e-9)


def test_blobs_have_their_centres_and_spread():
    X, y = make_blobs(30_000, 0, n_classes=3, spread=0.4, radius=2.0)
    centers = blob_centers(3, 2.0)
    np.testing.assert_allclose(np.linalg.norm(centers, axis=1), 2.0)
    for k in range(3):
        np.testing.assert_allclose(X[y == k].mean(axis=0), centers[k], atol=0.02)
        np.testing.assert_allclose(X[y == k].std(axis=0), 0.4, rtol=0.03)


def test_blob_centres_and_mixture_means_are_evenly_spaced_on_their_circle():
    np.testing.assert_allclose(points_on_circle(4, 2.0), [[2, 0], [0, 2], [-2, 0], [0, -2]], atol=1e-12)
    np.testing.assert_allclose(blob_centers(3, 2.0)[0], [0.0, 2.0], atol=1e-12)  # the first at the top
    np.testing.assert_allclose(mixture_means(8, 1.5)[0], [1.5, 0.0], atol=1e-12)  # the first on the x-axis
    np.testing.assert_allclose(np.linalg.norm(mixture_means(8, 1.5), axis=1), 1.5)


@pytest.mark.parametrize("name", sorted(DENSITIES))
def test_densities_are_reproducible_and_on_the_stated_scale(name):
    points = sample_density(name, 2000, 0)
    assert points.shape == (2000, 2) and points.dtype == np.float64
    np.testing.assert_array_equal(points, sample_density(name, 2000, 0))
    assert not np.array_equal(points, sample_density(name, 2000, 1))
    assert np.all(np.abs(points) < 2.5)


def test_swiss_roll_points_sit_at_the_radius_of_their_angle():
    points = sample_swiss_roll(500, 0, noise=0.0)
    r = np.linalg.norm(points, axis=1)  # r = s / 10 with s in [1.5 pi, 4.5 pi]
    assert r.min() >= 0.15 * np.pi - 1e-9 and r.max() <= 0.45 * np.pi + 1e-9
    s = 10 * r
    np.testing.assert_allclose(points, np.stack([s * np.cos(s), s * np.sin(s)], axis=1) / 10, atol=1e-12)


def test_gaussian_mixture_components_have_their_mean_and_std():
    points = sample_gaussian_mixture(40_000, 0, n_components=4, radius=1.5, std=0.1)
    means = mixture_means(4, 1.5)
    nearest = np.linalg.norm(points[:, None] - means[None], axis=-1).argmin(axis=1)
    assert np.bincount(nearest, minlength=4).min() > 9_000
    for k in range(4):
        np.testing.assert_allclose(points[nearest == k].mean(axis=0), means[k], atol=0.01)
        np.testing.assert_allclose(points[nearest == k].std(axis=0), 0.1, rtol=0.05)


def test_moons_density_is_centred():
    np.testing.assert_allclose(sample_moons(50_000, 0, noise=0.0).mean(axis=0), 0.0, atol=0.01)


@pytest.mark.parametrize("call, message", [
    (lambda: make_xor(0, 0), "positive integer"),
    (lambda: make_xor(10, 0, label_noise=1.5), r"\[0, 1\]"),
    (lambda: make_moons(10, 0, noise=-1), "non-negative"),
    (lambda: make_spirals(10, 0, n_arms=1), "at least 2"),
    (lambda: make_blobs(10, None), "Generator"),
    (lambda: sample_density("circles", 10, 0), "'swiss_roll'"),
])
def test_bad_arguments_say_what_was_expected(call, message):
    with pytest.raises((ValueError, TypeError), match=message):
        call()


def test_circles_are_two_rings_that_the_squared_radius_separates():
    X, y = make_circles(4000, 0, noise=0.0, inner_radius=0.4)
    radius = np.hypot(X[:, 0], X[:, 1])
    np.testing.assert_allclose(radius[y == 0], 1.0)
    np.testing.assert_allclose(radius[y == 1], 0.4)
    angles = np.arctan2(X[:, 1], X[:, 0])
    assert np.histogram(angles, bins=8)[0].min() > 350, "the angles should cover the circle evenly"
    X, y = make_circles(2000, 1, noise=0.05)
    linear = LogisticRegression().fit(X, y).score(X, y)
    squared = LogisticRegression().fit(X ** 2, y).score(X ** 2, y)
    assert linear < 0.7 and squared > 0.97
    with pytest.raises(ValueError, match="inner_radius"):
        make_circles(10, 0, inner_radius=1.0)

"""The bundled digits load offline in both layouts, and the splits are disjoint, stratified and
reproducible."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.datasets import load_digits as sklearn_load_digits

from dlcourse.data.digits import load_digits, load_digits_splits, stratified_split


def test_images_and_flat_layouts_hold_the_same_pixels_in_0_1():
    images, y = load_digits()
    flat, y_flat = load_digits(flat=True)
    assert images.shape == (1797, 1, 8, 8) and flat.shape == (1797, 64)
    assert images.dtype == flat.dtype == np.float32 and y.dtype == np.int64
    assert images.min() == 0.0 and images.max() == 1.0
    np.testing.assert_array_equal(images.reshape(1797, 64), flat)
    np.testing.assert_array_equal(y, y_flat)
    reference = sklearn_load_digits()
    np.testing.assert_allclose(images[:, 0], reference.images / 16.0, rtol=1e-6)
    np.testing.assert_array_equal(y, reference.target)


def test_splits_are_a_disjoint_cover_with_the_stated_sizes():
    splits = load_digits_splits(0, validation_fraction=0.2, test_fraction=0.1)
    parts = [splits.train_indices, splits.val_indices, splits.test_indices]
    joined = np.concatenate(parts)
    assert len(joined) == len(np.unique(joined)) == 1797, "every example in exactly one part"
    for indices, fraction in zip(parts, [0.7, 0.2, 0.1]):
        assert abs(len(indices) - fraction * 1797) <= 10  # one example of rounding per class
    X, y = load_digits()
    np.testing.assert_array_equal(splits.x_val, X[splits.val_indices])
    np.testing.assert_array_equal(splits.y_test, y[splits.test_indices])


def test_splits_are_stratified():
    splits = load_digits_splits(1)
    _, y = load_digits()
    overall = np.bincount(y) / len(y)
    for labels in (splits.y_train, splits.y_val, splits.y_test):
        proportions = np.bincount(labels, minlength=10) / len(labels)
        np.testing.assert_allclose(proportions, overall, atol=0.01)


def test_splits_are_reproducible_and_differ_across_seeds():
    a, b, c = load_digits_splits(5), load_digits_splits(5), load_digits_splits(6)
    np.testing.assert_array_equal(a.test_indices, b.test_indices)
    assert not np.array_equal(a.test_indices, c.test_indices)
    assert load_digits_splits(5, flat=True).x_train.shape[1:] == (64,)


def test_stratified_split_keeps_class_proportions_on_any_labels():
    labels = np.repeat([0, 1, 2], [60, 30, 10])
    train, test = stratified_split(labels, [0.8, 0.2], np.random.default_rng(0))
    np.testing.assert_array_equal(np.bincount(labels[test]), [12, 6, 2])
    assert len(np.intersect1d(train, test)) == 0 and len(train) + len(test) == 100


@pytest.mark.parametrize("call, message", [
    (lambda: load_digits_splits(0, validation_fraction=0.6, test_fraction=0.5), "sum below 1"),
    (lambda: load_digits_splits(0, test_fraction=-0.1), r"in \[0, 1\)"),
    (lambda: stratified_split(np.zeros(10, int), [0.5, 0.4], 0), "sum to 1"),
    (lambda: stratified_split(np.zeros((10, 2), int), [1.0], 0), r"shape \(N,\)"),
    (lambda: load_digits_splits(None), "Generator"),
])
def test_bad_arguments_say_what_was_expected(call, message):
    with pytest.raises((ValueError, TypeError), match=message):
        call()

"""Train/validation/test splits and k-fold cross-validation: partitions, sizes, reproducibility."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.model_selection import KFold

from dlcourse.data.splits import k_fold_indices, split_sizes, train_val_test_split


@pytest.mark.parametrize("n, val, test", [(10, 0.2, 0.2), (101, 0.15, 0.1), (7, 0.0, 0.3), (1, 0.0, 0.0), (50, 0.5, 0.5)])
def test_the_parts_partition_the_data_with_the_documented_sizes(n, val, test):
    train_idx, val_idx, test_idx = train_val_test_split(n, val, test, np.random.default_rng(n))
    assert (len(val_idx), len(test_idx)) == (round(val * n), round(test * n))
    assert len(train_idx) == n - len(val_idx) - len(test_idx) == split_sizes(n, val, test)[0]
    np.testing.assert_array_equal(np.sort(np.concatenate([train_idx, val_idx, test_idx])), np.arange(n))
    assert all(part.dtype == np.int64 for part in (train_idx, val_idx, test_idx))


def test_the_split_is_one_permutation_cut_in_order():
    order = np.random.default_rng(3).permutation(20)
    parts = train_val_test_split(20, 0.25, 0.15, 3)  # an integer seed works too
    for part, expected in zip(parts, (order[:12], order[12:17], order[17:])):
        np.testing.assert_array_equal(part, expected)


def test_same_seed_same_split_and_the_generator_advances():
    first = train_val_test_split(30, 0.2, 0.2, np.random.default_rng(0))
    again = train_val_test_split(30, 0.2, 0.2, np.random.default_rng(0))
    for a, b in zip(first, again):
        np.testing.assert_array_equal(a, b)
    rng = np.random.default_rng(0)
    one, two = train_val_test_split(30, 0.2, 0.2, rng), train_val_test_split(30, 0.2, 0.2, rng)
    assert not np.array_equal(one[0], two[0])
    assert not np.array_equal(np.sort(first[0]), np.arange(18)), "the training part must be shuffled"


@pytest.mark.parametrize("n, k", [(10, 5), (11, 3), (7, 7), (100, 10)])
def test_k_fold_matches_the_fold_sizes_of_scikit_learn_and_partitions(n, k):
    folds = k_fold_indices(n, k, np.random.default_rng(k))
    sklearn_sizes = [len(val) for _, val in KFold(k).split(np.zeros(n))]
    assert [len(val) for _, val in folds] == sklearn_sizes
    np.testing.assert_array_equal(np.sort(np.concatenate([val for _, val in folds])), np.arange(n))
    for train, val in folds:
        assert len(np.intersect1d(train, val)) == 0
        np.testing.assert_array_equal(np.sort(np.concatenate([train, val])), np.arange(n))


@pytest.mark.parametrize("call, error, message", [
    (lambda: split_sizes(10, 0.7, 0.4), ValueError, "at most 1"),
    (lambda: split_sizes(0, 0.1, 0.1), ValueError, "positive integer"),
    (lambda: split_sizes(10, -0.1, 0.1), ValueError, r"probability in \[0, 1\]"),
    (lambda: train_val_test_split(10, 0.2, 0.2, None), TypeError, "Generator"),
    (lambda: k_fold_indices(3, 5, 0), ValueError, "at most the number of examples"),
    (lambda: k_fold_indices(3, 1, 0), ValueError, "at least 2"),
])
def test_split_errors_say_what_is_expected(call, error, message):
    with pytest.raises(error, match=message):
        call()

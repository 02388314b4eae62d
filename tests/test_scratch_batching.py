"""Mini-batches: every example once per epoch, torch DataLoader's batch sizes, reproducible."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from torch.utils.data import DataLoader, TensorDataset

from dlcourse.scratch.batching import minibatches, num_batches


@pytest.mark.parametrize("n, batch_size", [(10, 3), (12, 4), (5, 8), (1, 1), (100, 64)])
@pytest.mark.parametrize("drop_last", [False, True])
def test_batch_sizes_match_dataloader(n, batch_size, drop_last):
    X, y = np.arange(n, dtype=float)[:, None] * np.ones((1, 2)), np.arange(n)
    loader = DataLoader(TensorDataset(torch.tensor(X), torch.tensor(y)), batch_size=batch_size, shuffle=False, drop_last=drop_last)
    ours = list(minibatches(X, y, batch_size, shuffle=False, drop_last=drop_last))
    assert len(ours) == len(loader) == num_batches(n, batch_size, drop_last)
    for (xb, yb), (txb, tyb) in zip(ours, loader):  # without shuffling: exactly the DataLoader's batches
        np.testing.assert_array_equal(xb, txb.numpy())
        np.testing.assert_array_equal(yb, tyb.numpy())


@pytest.mark.parametrize("n, batch_size", [(10, 3), (64, 64), (101, 10)])
def test_shuffled_epoch_visits_every_example_once_and_keeps_pairs(n, batch_size):
    X = np.arange(n, dtype=float)[:, None] * np.array([[1.0, -1.0]])
    y = np.arange(n) * 10
    batches = list(minibatches(X, y, batch_size, np.random.default_rng(0)))
    seen = np.concatenate([xb[:, 0] for xb, _ in batches]).astype(int)
    assert sorted(seen) == list(range(n))
    assert not np.array_equal(seen, np.arange(n))  # really shuffled
    for xb, yb in batches:
        np.testing.assert_array_equal(yb, xb[:, 0] * 10)  # each x still has its own y
        np.testing.assert_array_equal(xb[:, 1], -xb[:, 0])
    assert [len(xb) for xb, _ in batches] == [batch_size] * (n // batch_size) + ([n % batch_size] if n % batch_size else [])


def test_drop_last_skips_only_the_partial_batch():
    X = np.arange(10.0)
    batches = list(minibatches(X, None, 4, np.random.default_rng(1), drop_last=True))
    assert [len(xb) for xb, _ in batches] == [4, 4]
    assert all(yb is None for _, yb in batches)


def test_reproducible_under_a_seed_and_new_order_each_epoch():
    X, y = np.arange(20.0), np.arange(20)
    first = [xb for xb, _ in minibatches(X, y, 6, np.random.default_rng(42))]
    again = [xb for xb, _ in minibatches(X, y, 6, np.random.default_rng(42))]
    for a, b in zip(first, again):
        np.testing.assert_array_equal(a, b)
    rng = np.random.default_rng(42)
    epoch1 = np.concatenate([xb for xb, _ in minibatches(X, y, 6, rng)])
    epoch2 = np.concatenate([xb for xb, _ in minibatches(X, y, 6, rng)])
    np.testing.assert_array_equal(epoch1, np.concatenate(first))
    assert not np.array_equal(epoch1, epoch2) and sorted(epoch2) == sorted(epoch1)


@pytest.mark.parametrize("call, error, message", [
    (lambda: minibatches(np.ones((5, 2)), np.ones(4), 2, np.random.default_rng(0)), ValueError, r"y must have shape \(5, \.\.\.\)"),
    (lambda: minibatches(np.ones((5, 2)), np.ones(5), 0, np.random.default_rng(0)), ValueError, "batch_size must be a positive integer"),
    (lambda: minibatches(np.ones((5, 2)), np.ones(5), 2.5, np.random.default_rng(0)), TypeError, "batch_size must be a positive integer"),
    (lambda: minibatches(np.ones((5, 2)), np.ones(5), 2), TypeError, "rng is needed to shuffle"),
    (lambda: minibatches(np.float64(3.0), None, 2, shuffle=False), ValueError, r"X must have shape \(N, \.\.\.\)"),
])
def test_minibatches_checks_inputs_at_call_time(call, error, message):
    with pytest.raises(error, match=message):
        call()  # no iteration needed: the checks run when minibatches is called

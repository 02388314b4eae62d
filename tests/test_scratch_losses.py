"""The losses with logits and one_hot agree with PyTorch (float64), also for huge logits."""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from dlcourse.scratch.losses import binary_cross_entropy_with_logits, cross_entropy_with_logits
from dlcourse.scratch.preprocessing import one_hot

STRICT = dict(over="raise", invalid="raise", divide="raise")


@pytest.mark.parametrize("shape", [(1,), (10,), (4, 3)])
@pytest.mark.parametrize("seed", range(3))
def test_binary_cross_entropy_with_logits_matches_torch(shape, seed):
    rng = np.random.default_rng(seed)
    logits = rng.normal(0, 4, shape)
    for targets in (rng.integers(0, 2, shape).astype(float), rng.uniform(size=shape)):  # hard and soft targets
        expected = F.binary_cross_entropy_with_logits(torch.tensor(logits), torch.tensor(targets)).item()
        assert binary_cross_entropy_with_logits(logits, targets) == pytest.approx(expected, rel=1e-13)


def test_binary_cross_entropy_with_logits_is_stable():
    logits = np.array([1000.0, -1000.0, 1000.0, -1000.0, 0.0])
    targets = np.array([1.0, 0.0, 0.0, 1.0, 1.0])
    with np.errstate(**STRICT):
        loss = binary_cross_entropy_with_logits(logits, targets)
    expected = F.binary_cross_entropy_with_logits(torch.tensor(logits), torch.tensor(targets)).item()
    assert loss == pytest.approx(expected, rel=1e-15)
    assert loss == pytest.approx((1000 + 1000 + np.log(2)) / 5, rel=1e-15)  # two confident mistakes cost |z| each


@pytest.mark.parametrize("n, k", [(1, 2), (5, 3), (64, 10)])
@pytest.mark.parametrize("seed", range(3))
def test_cross_entropy_with_logits_matches_torch(n, k, seed):
    rng = np.random.default_rng(seed)
    logits = rng.normal(0, 3, (n, k))
    labels = rng.integers(0, k, n)
    expected = F.cross_entropy(torch.tensor(logits), torch.tensor(labels)).item()
    assert cross_entropy_with_logits(logits, labels) == pytest.approx(expected, rel=1e-13)
    # the notes' form -(1/N) 1^T (Y * log softmax(Z)) 1 with one-hot Y, computed by torch
    notes_form = -(torch.tensor(one_hot(labels, k)) * torch.log_softmax(torch.tensor(logits), 1)).sum() / n
    assert cross_entropy_with_logits(logits, labels) == pytest.approx(notes_form.item(), rel=1e-13)


def test_cross_entropy_with_logits_is_stable():
    logits = np.array([[1000.0, -1000.0, 0.0], [-1000.0, 1000.0, 0.0]])
    labels = np.array([0, 0])
    with np.errstate(**STRICT):
        loss = cross_entropy_with_logits(logits, labels)
    assert loss == pytest.approx(F.cross_entropy(torch.tensor(logits), torch.tensor(labels)).item(), rel=1e-15)
    assert loss == pytest.approx(1000.0, rel=1e-15)  # (0 + 2000) / 2


@pytest.mark.parametrize("k", [1, 4, 10])
def test_one_hot_matches_torch(k):
    labels = np.random.default_rng(k).integers(0, k, 12)
    encoded = one_hot(labels, k)
    assert encoded.dtype == np.float64 and encoded.shape == (12, k)
    np.testing.assert_array_equal(encoded, F.one_hot(torch.tensor(labels), k).numpy())
    np.testing.assert_array_equal(one_hot(labels.reshape(3, 4), k), F.one_hot(torch.tensor(labels.reshape(3, 4)), k).numpy())


@pytest.mark.parametrize("call, error, message", [
    (lambda: cross_entropy_with_logits(np.ones(3), np.array([0])), ValueError, r"logits must have shape \(N, K\)"),
    (lambda: cross_entropy_with_logits(np.ones((2, 3)), np.array([0, 3])), ValueError, r"labels must lie in \[0, 2\]"),
    (lambda: cross_entropy_with_logits(np.ones((2, 3)), np.array([0.0, 1.0])), TypeError, "integer class labels"),
    (lambda: cross_entropy_with_logits(np.ones((2, 3)), np.array([0, 1, 2])), ValueError, r"labels must have shape \(2,\)"),
    (lambda: binary_cross_entropy_with_logits(np.ones(2), np.array([0.0, 1.5])), ValueError, r"targets must lie in \[0, 1\]"),
    (lambda: binary_cross_entropy_with_logits(np.ones(2), np.ones(3)), ValueError, r"targets must have shape \(2,\)"),
    (lambda: one_hot(np.array([0, 5]), 5), ValueError, r"labels must lie in \[0, 4\]"),
    (lambda: one_hot(np.array([0, 1]), 0), ValueError, "num_classes must be a positive integer"),
])
def test_losses_name_what_they_expected(call, error, message):
    with pytest.raises(error, match=message):
        call()

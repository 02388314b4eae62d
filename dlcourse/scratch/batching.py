"""Mini-batches for stochastic gradient descent (notes 5.1).

One pass over the data (an epoch) visits every example exactly once, in a fresh random order each
epoch, in batches of ``B`` examples; the gradient of a batch, ``(1/B) sum_b grad loss(x_b, y_b)``, is
an unbiased estimate of the full gradient at ``N / B`` times less cost. This is what
``torch.utils.data.DataLoader(dataset, batch_size, shuffle, drop_last)`` does.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from dlcourse._validate import as_non_negative_int, as_positive_int
from dlcourse.seeding import as_generator

__all__ = ["minibatches", "num_batches"]


def num_batches(num_examples: int, batch_size: int, drop_last: bool = False) -> int:
    """How many batches one epoch has: ``ceil(N / B)``, or ``floor(N / B)`` with ``drop_last``
    (``len(DataLoader)``)."""
    num_examples = as_non_negative_int(num_examples, "num_examples")
    batch_size = as_positive_int(batch_size, "batch_size")
    return num_examples // batch_size if drop_last else -(-num_examples // batch_size)


def minibatches(X, y, batch_size: int, rng: np.random.Generator | None = None, shuffle: bool = True,
                drop_last: bool = False) -> Iterator[tuple[np.ndarray, np.ndarray | None]]:
    """Yield ``(X_batch, y_batch)`` pairs covering one epoch.

    The examples are permuted with ``rng.permutation(N)`` (when ``shuffle``), then cut into
    consecutive batches of ``batch_size``; the last one is smaller when B does not divide N, and is
    skipped with ``drop_last``. The same Generator state gives the same batches; calling again with
    the same (advanced) Generator gives the next epoch's order.

    Args:
        X: examples along the first axis, shape (N, ...).
        y: targets, shape (N, ...), or None (then ``y_batch`` is None, e.g. for an autoencoder).
        batch_size: B >= 1.
        rng: a ``np.random.Generator`` (or an integer seed); required when ``shuffle``.
        shuffle: draw a new order (True) or keep the data's order (False, e.g. for evaluation).
        drop_last: skip a final batch smaller than B.

    Returns:
        An iterator of ``(X[idx], y[idx])``, shapes (B, ...), copies in the new order. The inputs are
        checked and the order is drawn when ``minibatches`` is called, not at the first batch.
    """
    X = np.asarray(X)
    if X.ndim < 1:
        raise ValueError(f"X must have shape (N, ...), examples along the first axis, got shape {X.shape}")
    n = X.shape[0]
    if y is not None:
        y = np.asarray(y)
        if y.ndim < 1 or y.shape[0] != n:
            raise ValueError(f"y must have shape ({n}, ...) (one target per row of X), got shape {y.shape}")
    batch_size = as_positive_int(batch_size, "batch_size")
    if shuffle:
        if rng is None:
            raise TypeError("rng is needed to shuffle: pass a numpy.random.Generator (or shuffle=False)")
        order = as_generator(rng).permutation(n)
    else:
        order = np.arange(n)
    stop = n - n % batch_size if drop_last else n
    return _batches(X, y, order, batch_size, stop)  # checks and shuffling happen now, not at the first next()


def _batches(X, y, order, batch_size, stop):
    for start in range(0, stop, batch_size):
        index = order[start:start + batch_size]
        yield X[index], (y[index] if y is not None else None)

"""Held-out data: reproducible train/validation/test splits and k-fold cross-validation
(chapter 04).

Every function returns *indices* into the data set, so one split serves any number of arrays
(``X[train]``, ``y[train]``), and takes the random generator explicitly, so that the same seed
always gives the same split.
"""

from __future__ import annotations

import numpy as np

from dlcourse._validate import as_positive_int, as_probability
from dlcourse.seeding import as_generator

__all__ = ["split_sizes", "train_val_test_split", "k_fold_indices"]


def split_sizes(num_examples: int, val_fraction: float, test_fraction: float) -> tuple[int, int, int]:
    """How many examples each part of :func:`train_val_test_split` gets.

    ``n_val = round(val_fraction * N)``, ``n_test = round(test_fraction * N)`` (Python's ``round``),
    and the training part takes the rest, ``n_train = N - n_val - n_test``.

    Returns:
        (n_train, n_val, n_test).
    """
    num_examples = as_positive_int(num_examples, "num_examples")
    val_fraction = as_probability(val_fraction, "val_fraction")
    test_fraction = as_probability(test_fraction, "test_fraction")
    if val_fraction + test_fraction > 1:
        raise ValueError(
            f"val_fraction + test_fraction must be at most 1, got {val_fraction} + {test_fraction}"
        )
    n_val, n_test = round(val_fraction * num_examples), round(test_fraction * num_examples)
    n_train = num_examples - n_val - n_test
    if n_train < 0:  # both rounded up on a tiny data set
        raise ValueError(f"{num_examples} examples are too few for these fractions: nothing is left to train on")
    return n_train, n_val, n_test


def train_val_test_split(
    num_examples: int,
    val_fraction: float,
    test_fraction: float,
    rng: np.random.Generator | int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Shuffle the indices ``0..N-1`` once and cut them into training, validation and test parts.

    With ``order = rng.permutation(N)`` and the sizes of :func:`split_sizes`:
    ``train = order[:n_train]``, ``val = order[n_train:n_train + n_val]``,
    ``test = order[n_train + n_val:]``. The parts are disjoint and together hold every index once;
    the same generator state gives the same split.

    Args:
        num_examples: N.
        val_fraction, test_fraction: the share of N in the validation and test parts.
        rng: a ``numpy.random.Generator`` or an integer seed.

    Returns:
        train, val, test: int64 index arrays of shapes (n_train,), (n_val,), (n_test,), in the
        shuffled order.
    """
    n_train, n_val, _ = split_sizes(num_examples, val_fraction, test_fraction)
    order = as_generator(rng).permutation(num_examples)
    return order[:n_train], order[n_train:n_train + n_val], order[n_train + n_val:]


def k_fold_indices(num_examples: int, k: int, rng: np.random.Generator | int) -> list[tuple[np.ndarray, np.ndarray]]:
    """K-fold cross-validation: shuffle once, cut into ``k`` folds of nearly equal size (the first
    ``N mod k`` folds one larger, as ``np.array_split`` does), and let each fold in turn be the
    validation part while the other ``k - 1`` folds train. ``k = N`` is leave-one-out.

    Returns:
        ``k`` pairs ``(train, val)`` of int64 index arrays; every index is in exactly one ``val``.
    """
    num_examples = as_positive_int(num_examples, "num_examples")
    k = as_positive_int(k, "k", minimum=2)
    if k > num_examples:
        raise ValueError(f"k must be at most the number of examples ({num_examples}), got {k}")
    folds = np.array_split(as_generator(rng).permutation(num_examples), k)
    return [(np.concatenate(folds[:i] + folds[i + 1:]), fold) for i, fold in enumerate(folds)]

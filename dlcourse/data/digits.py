"""scikit-learn's bundled 8x8 handwritten digits (1797 images, ten classes): real image data
that ships inside an installed package, so nothing is downloaded.

Pixels are rescaled from the stored 0..16 to [0, 1]. Images come as (N, 1, 8, 8), the layout of
PyTorch's convolutions (one channel), or flat as (N, 64) for linear models and MLPs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from dlcourse._validate import as_labels, as_probability
from dlcourse.seeding import as_generator

__all__ = ["load_digits", "stratified_split", "DigitsSplits", "load_digits_splits", "IMAGE_SHAPE", "N_CLASSES"]

IMAGE_SHAPE = (1, 8, 8)
N_CLASSES = 10


def load_digits(flat: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """All 1797 digits in scikit-learn's order.

    Returns:
        X: shape (1797, 1, 8, 8), or (1797, 64) when ``flat``; float32 in [0, 1].
        y: shape (1797,), int64 in {0, ..., 9}.
    """
    from sklearn.datasets import load_digits as sklearn_load_digits  # imported here: sklearn is slow to import

    bunch = sklearn_load_digits()
    X = (bunch.data / 16.0).astype(np.float32)  # (1797, 64); the stored pixels are 0..16
    if not flat:
        X = X.reshape(-1, *IMAGE_SHAPE)  # (1797, 1, 8, 8)
    return X, bunch.target.astype(np.int64)


def stratified_split(
    labels: np.ndarray,
    fractions: Sequence[float],
    rng: np.random.Generator | int,
) -> tuple[np.ndarray, ...]:
    """Split example indices into parts whose class proportions match the whole data set.

    Within each class the indices are shuffled and cut into consecutive pieces of sizes
    ``round(fraction * class count)`` (the first part takes what rounding leaves over), so every
    part holds each class in the proportion it has overall, up to one example per class.

    Args:
        labels: shape (N,), integer class labels.
        fractions: the size of each part as a fraction of N; they must sum to 1.
        rng: a ``numpy.random.Generator`` or an integer seed.

    Returns:
        One sorted int64 index array per fraction; together they are a partition of ``range(N)``.
    """
    labels = as_labels(labels, "labels", accept_whole_floats=True)
    fractions = [as_probability(f, "every fraction") for f in fractions]
    if not fractions or abs(sum(fractions) - 1.0) > 1e-9:
        raise ValueError(f"fractions must sum to 1, got {fractions} (sum {sum(fractions)})")
    rng = as_generator(rng)
    parts: list[list[np.ndarray]] = [[] for _ in fractions]
    for label in np.unique(labels):
        members = rng.permutation(np.flatnonzero(labels == label))
        sizes = [int(round(f * len(members))) for f in fractions[1:]]
        sizes = [len(members) - sum(sizes), *sizes]
        if sizes[0] < 0:  # rounding up every later part overdrew a tiny class: take from the last
            sizes[-1] += sizes[0]
            sizes[0] = 0
        for part, piece in zip(parts, np.split(members, np.cumsum(sizes)[:-1])):
            part.append(piece)
    return tuple(np.sort(np.concatenate(part)).astype(np.int64) for part in parts)


@dataclass(frozen=True)
class DigitsSplits:
    """Training, validation and test parts of the digits; ``x_*`` as returned by
    :func:`load_digits` (images or flat), ``y_*`` int64 labels, ``*_indices`` the rows of the full
    data set each part holds."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    train_indices: np.ndarray
    val_indices: np.ndarray
    test_indices: np.ndarray


def load_digits_splits(
    rng: np.random.Generator | int,
    validation_fraction: float = 0.15,
    test_fraction: float = 0.15,
    flat: bool = False,
) -> DigitsSplits:
    """The digits split into training, validation and test parts, stratified by class and
    reproducible under a seed (the same ``rng`` seed gives the same split).

    Args:
        rng: a ``numpy.random.Generator`` or an integer seed.
        validation_fraction, test_fraction: sizes of the held-out parts; the rest is for training.
        flat: images as (N, 64) instead of (N, 1, 8, 8).
    """
    validation_fraction = as_probability(validation_fraction, "validation_fraction", allow_one=False)
    test_fraction = as_probability(test_fraction, "test_fraction", allow_one=False)
    if validation_fraction + test_fraction >= 1:
        raise ValueError(
            "validation_fraction + test_fraction must leave examples for training (sum below 1), "
            f"got {validation_fraction} + {test_fraction}"
        )
    X, y = load_digits(flat=flat)
    train, val, test = stratified_split(
        y, [1 - validation_fraction - test_fraction, validation_fraction, test_fraction], rng
    )
    return DigitsSplits(X[train], y[train], X[val], y[val], X[test], y[test], train, val, test)

"""Two-dimensional classification data sets: small enough to plot, shaped so that a linear model
fails on some of them (XOR, moons, spirals) and succeeds on others (blobs).

Every generator returns ``X`` of shape (n, 2), float64, and integer labels ``y`` of shape (n,),
int64, in a random order (so that consecutive mini-batches mix the classes). The classes are as
balanced as ``n`` allows.
"""

from __future__ import annotations

import numpy as np

from dlcourse._validate import as_probability, as_non_negative_float, as_positive_int
from dlcourse.seeding import as_generator

__all__ = ["make_xor", "make_moons", "make_circles", "make_spirals", "make_blobs", "blob_centers", "class_sizes", "points_on_circle"]


def class_sizes(n: int, n_classes: int) -> np.ndarray:
    """Split ``n`` examples over ``n_classes`` classes as evenly as possible; shape (n_classes,)."""
    n = as_positive_int(n, "n")
    n_classes = as_positive_int(n_classes, "n_classes")
    return np.array([n // n_classes + (k < n % n_classes) for k in range(n_classes)], dtype=np.int64)


def _shuffled(X: np.ndarray, y: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    order = rng.permutation(len(y))
    return X[order], y[order]


def make_xor(n: int, rng: np.random.Generator | int, label_noise: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """The XOR problem: ``x ~ Uniform([-1, 1]^2)`` and ``y = [x_1 > 0] XOR [x_2 > 0]``.

    No line separates the classes (opposite quadrants share a label), which is why the perceptron
    cannot learn it and a hidden layer can.

    Args:
        n: number of examples.
        rng: a ``numpy.random.Generator`` or an integer seed.
        label_noise: probability in [0, 1] that a label is flipped.

    Returns:
        X: shape (n, 2), float64; y: shape (n,), int64 in {0, 1}.
    """
    n = as_positive_int(n, "n")
    label_noise = as_probability(label_noise, "label_noise")
    rng = as_generator(rng)
    X = rng.uniform(-1.0, 1.0, size=(n, 2))
    y = ((X[:, 0] > 0) != (X[:, 1] > 0)).astype(np.int64)
    flip = rng.uniform(size=n) < label_noise
    return X, np.where(flip, 1 - y, y)


def make_moons(n: int, rng: np.random.Generator | int, noise: float = 0.1) -> tuple[np.ndarray, np.ndarray]:
    """Two interleaving half circles: class 0 on ``(cos s, sin s)``, class 1 on
    ``(1 - cos s, 1/2 - sin s)``, ``s ~ Uniform(0, pi)``, plus Gaussian noise of std ``noise``.

    Returns:
        X: shape (n, 2), float64; y: shape (n,), int64 in {0, 1}.
    """
    noise = as_non_negative_float(noise, "noise")
    n_upper, n_lower = class_sizes(n, 2)
    rng = as_generator(rng)
    s = rng.uniform(0.0, np.pi, size=n_upper + n_lower)
    upper = np.stack([np.cos(s[:n_upper]), np.sin(s[:n_upper])], axis=1)
    lower = np.stack([1.0 - np.cos(s[n_upper:]), 0.5 - np.sin(s[n_upper:])], axis=1)
    X = np.concatenate([upper, lower]) + noise * rng.standard_normal((n_upper + n_lower, 2))
    y = np.repeat(np.array([0, 1], dtype=np.int64), [n_upper, n_lower])
    return _shuffled(X, y, rng)


def make_circles(n: int, rng: np.random.Generator | int, noise: float = 0.1,
                 inner_radius: float = 0.5) -> tuple[np.ndarray, np.ndarray]:
    """Two concentric rings: class 0 on the unit circle, class 1 on a circle of radius
    ``inner_radius`` inside it, at angles ``s ~ Uniform(0, 2 pi)``, plus Gaussian noise of std
    ``noise``. No line separates them; the squared radius ``x_1^2 + x_2^2`` does.

    Returns:
        X: shape (n, 2), float64; y: shape (n,), int64 in {0, 1}.
    """
    noise = as_non_negative_float(noise, "noise")
    inner_radius = as_non_negative_float(inner_radius, "inner_radius")
    if inner_radius >= 1.0:
        raise ValueError(f"inner_radius must be below the outer ring's radius 1, got {inner_radius}")
    n_outer, n_inner = class_sizes(n, 2)
    rng = as_generator(rng)
    y = np.repeat(np.array([0, 1], dtype=np.int64), [n_outer, n_inner])
    radius = np.where(y == 0, 1.0, inner_radius)
    s = rng.uniform(0.0, 2 * np.pi, size=len(y))
    X = radius[:, None] * np.stack([np.cos(s), np.sin(s)], axis=1)  # (n, 2)
    X = X + noise * rng.standard_normal(X.shape)
    return _shuffled(X, y, rng)


def make_spirals(
    n: int,
    rng: np.random.Generator | int,
    n_arms: int = 3,
    turns: float = 0.75,
    noise: float = 0.05,
) -> tuple[np.ndarray, np.ndarray]:
    """``n_arms`` interleaved spiral arms, one class each.

    A point of arm ``k`` at radius ``r ~ Uniform(0, 1)`` sits at angle
    ``theta = 2 pi k / n_arms + 2 pi turns r``, that is at ``r (cos theta, sin theta)``, before
    Gaussian noise of std ``noise`` is added.

    Returns:
        X: shape (n, 2), float64 (inside the unit disc up to the noise); y: shape (n,), int64 in
        {0, ..., n_arms - 1}.
    """
    n_arms = as_positive_int(n_arms, "n_arms", minimum=2)
    noise = as_non_negative_float(noise, "noise")
    turns = as_non_negative_float(turns, "turns")
    sizes = class_sizes(n, n_arms)
    rng = as_generator(rng)
    y = np.repeat(np.arange(n_arms, dtype=np.int64), sizes)
    r = rng.uniform(0.0, 1.0, size=len(y))
    theta = 2 * np.pi * y / n_arms + 2 * np.pi * turns * r
    X = r[:, None] * np.stack([np.cos(theta), np.sin(theta)], axis=1)  # (n, 2)
    X = X + noise * rng.standard_normal(X.shape)
    return _shuffled(X, y, rng)


def points_on_circle(count: int, radius: float = 1.0, first_angle: float = 0.0) -> np.ndarray:
    """``count`` points evenly spaced on a circle around the origin, counter-clockwise from the
    angle ``first_angle``: ``radius (cos a_k, sin a_k)`` with ``a_k = first_angle + 2 pi k / count``.
    Shape (count, 2)."""
    count = as_positive_int(count, "count")
    angles = first_angle + 2 * np.pi * np.arange(count) / count
    return radius * np.stack([np.cos(angles), np.sin(angles)], axis=1)


def blob_centers(n_classes: int, radius: float = 1.0) -> np.ndarray:
    """The class centres of :func:`make_blobs`: evenly spaced on a circle, the first at the top.
    Shape (n_classes, 2)."""
    return points_on_circle(as_positive_int(n_classes, "n_classes"), radius, first_angle=np.pi / 2)


def make_blobs(
    n: int,
    rng: np.random.Generator | int,
    n_classes: int = 3,
    spread: float = 0.5,
    radius: float = 1.0,
) -> tuple[np.ndarray, np.ndarray]:
    """Gaussian clusters, one per class: ``x | y = k ~ Normal(c_k, spread^2 I)`` with the centres
    ``c_k`` evenly spaced on a circle of the given radius (see :func:`blob_centers`).

    With the default three classes this is the data set of the decision-boundary figures: a small
    ``spread`` gives well separated classes that a linear softmax classifier handles; a large one
    makes them overlap, so that a flexible (high-degree) classifier starts fitting noise.

    Returns:
        X: shape (n, 2), float64; y: shape (n,), int64 in {0, ..., n_classes - 1}.
    """
    n_classes = as_positive_int(n_classes, "n_classes", minimum=2)
    spread = as_non_negative_float(spread, "spread")
    radius = as_non_negative_float(radius, "radius")
    sizes = class_sizes(n, n_classes)
    rng = as_generator(rng)
    y = np.repeat(np.arange(n_classes, dtype=np.int64), sizes)
    X = blob_centers(n_classes, radius)[y] + spread * rng.standard_normal((len(y), 2))
    return _shuffled(X, y, rng)

"""Regression data drawn from a known process: ``x ~ Uniform(x_low, x_high)`` and ``y | x`` from a
chosen conditional distribution. Knowing the true process lets a chapter compare what a model
learned with the truth."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from dlcourse.scratch.activations import logistic
from dlcourse.seeding import as_generator

__all__ = ["sample_regression", "make_linear_data", "make_glm_data", "corrupt_with_outliers"]

ArrayFunction = Callable[[np.ndarray], np.ndarray]


def _check_size(n: int) -> int:
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"n must be a positive integer number of examples, got {n!r}")
    return int(n)


def sample_regression(
    n: int,
    mean_function: ArrayFunction,
    noise_std: float | ArrayFunction,
    rng: np.random.Generator | int,
    x_low: float = -3.0,
    x_high: float = 3.0,
) -> tuple[np.ndarray, np.ndarray]:
    """Draw ``n`` pairs with ``y = mean_function(x) + noise_std(x) * eps``, ``eps ~ Normal(0, 1)``.

    Args:
        n: number of examples.
        mean_function: the true ``E[y | x]``, applied to an array of shape (n,).
        noise_std: the noise standard deviation, a number (homoskedastic) or a function of x
            (heteroskedastic).
        rng: a ``numpy.random.Generator`` or an integer seed.
        x_low, x_high: the range x is drawn uniformly from.

    Returns:
        x, y: arrays of shape (n,).
    """
    n = _check_size(n)
    rng = as_generator(rng)
    x = rng.uniform(x_low, x_high, size=n)
    std = noise_std(x) if callable(noise_std) else np.full(n, float(noise_std))
    if np.any(std < 0):
        raise ValueError("noise_std must be non-negative")
    y = mean_function(x) + std * rng.standard_normal(n)
    return x, y


def make_linear_data(
    n: int,
    slope: float,
    noise_std: float,
    rng: np.random.Generator | int,
    x_low: float = -3.0,
    x_high: float = 3.0,
) -> tuple[np.ndarray, np.ndarray]:
    """``y = slope * x + noise_std * eps``: the univariate linear model with Gaussian noise.
    Returns x, y of shape (n,)."""
    return sample_regression(n, lambda x: slope * x, noise_std, rng, x_low, x_high)


def make_glm_data(
    n: int,
    w: float,
    family: str,
    rng: np.random.Generator | int,
    x_low: float = -3.0,
    x_high: float = 3.0,
) -> tuple[np.ndarray, np.ndarray]:
    """Responses of a generalized linear model with one weight: ``E[y | x] = g^{-1}(w x)``.

    Args:
        family: ``"bernoulli"`` (labels in {0, 1}, inverse link logistic) or ``"poisson"``
            (counts, inverse link exp).

    Returns:
        x: shape (n,), floats; y: shape (n,), integers as floats.
    """
    n = _check_size(n)
    rng = as_generator(rng)
    x = rng.uniform(x_low, x_high, size=n)
    if family == "bernoulli":
        y = (rng.uniform(size=n) < logistic(w * x)).astype(float)
    elif family == "poisson":
        y = rng.poisson(np.exp(w * x)).astype(float)
    else:
        raise ValueError(f"family must be 'bernoulli' or 'poisson', got {family!r}")
    return x, y


def corrupt_with_outliers(
    y: np.ndarray,
    fraction: float,
    shift: float,
    rng: np.random.Generator | int,
) -> tuple[np.ndarray, np.ndarray]:
    """Add ``shift`` to a random ``fraction`` of the responses (gross errors, one direction).

    Returns:
        The corrupted copy of ``y`` and a boolean mask of the corrupted entries, both shape (n,).
    """
    if not 0.0 <= fraction <= 1.0:
        raise ValueError(f"fraction must lie in [0, 1], got {fraction}")
    rng = as_generator(rng)
    y = np.array(y, dtype=float)
    mask = np.zeros(y.shape, dtype=bool)
    mask[rng.choice(y.size, size=int(round(fraction * y.size)), replace=False)] = True
    y[mask] += shift
    return y, mask

"""Regression data drawn from a known process: ``x ~ Uniform(x_low, x_high)`` and ``y | x`` from a
chosen conditional distribution. Knowing the true process lets a chapter compare what a model
learned with the truth."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.polynomial import polynomial as P

from dlcourse._validate import as_positive_int, as_probability, check_choice
from dlcourse.scratch.activations import logistic
from dlcourse.seeding import as_generator

__all__ = [
    "sample_regression",
    "make_linear_data",
    "make_polynomial_data",
    "make_sine_data",
    "make_glm_data",
    "corrupt_with_outliers",
]

ArrayFunction = Callable[[np.ndarray], np.ndarray]


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
    n = as_positive_int(n, "n")
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


def make_polynomial_data(
    n: int,
    noise_std: float,
    rng: np.random.Generator | int,
    degree: int = 7,
    x_low: float = -1.0,
    x_high: float = 1.0,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Data from a random polynomial of the given degree: ``y = sum_k w_k x^k + noise_std * eps``.

    The polynomial is ``scale * prod_i (x - r_i)`` with ``degree`` random roots ``r_i`` inside
    ``[x_low, x_high]``, and ``scale`` chosen so that its largest absolute value on the range is 1.
    The roots are Chebyshev nodes ``cos(theta_k)``, ``theta_k = (2k + 1) pi / (2 degree)``, with each
    angle jittered by up to 0.3 of its spacing: the curve then turns ``degree - 1`` times with
    swings of similar size across the range (uniformly drawn roots would leave the middle almost
    flat), so a fit of too low a degree visibly misses it (the notes' Fig 3 fits degrees 1..15 to
    data from a degree-7 polynomial).

    Returns:
        x, y: shape (n,), float64.
        coefficients: shape (degree + 1,), the true ``w_0, ..., w_degree`` (lowest power first, as in
            ``np.polynomial.polynomial.polyval(x, coefficients)``).
    """
    n = as_positive_int(n, "n")
    degree = as_positive_int(degree, "degree")
    if not x_low < x_high:
        raise ValueError(f"x_low must be smaller than x_high, got {x_low} and {x_high}")
    rng = as_generator(rng)
    spacing = np.pi / degree
    angles = (np.arange(degree) + 0.5) * spacing + rng.uniform(-0.3, 0.3, size=degree) * spacing
    roots = x_low + (x_high - x_low) * (1 + np.cos(angles)) / 2  # from [-1, 1] to [x_low, x_high]
    coefficients = P.polyfromroots(roots)
    dense = np.linspace(x_low, x_high, 2001)
    coefficients /= np.max(np.abs(P.polyval(dense, coefficients)))
    x, y = sample_regression(n, lambda x: P.polyval(x, coefficients), noise_std, rng, x_low, x_high)
    return x, y, coefficients


def make_sine_data(
    n: int,
    noise_std: float,
    rng: np.random.Generator | int,
    frequency: float = 1.0,
    x_low: float = -np.pi,
    x_high: float = np.pi,
) -> tuple[np.ndarray, np.ndarray]:
    """``y = sin(frequency * x) + noise_std * eps``: a smooth nonlinear target for small networks
    (the notes' Fig 15 fits nets of depth 1-3 to a sine). Returns x, y of shape (n,), float64."""
    return sample_regression(n, lambda x: np.sin(frequency * x), noise_std, rng, x_low, x_high)


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
    n = as_positive_int(n, "n")
    check_choice(family, "family", ("bernoulli", "poisson"))
    rng = as_generator(rng)
    x = rng.uniform(x_low, x_high, size=n)
    if family == "bernoulli":
        y = (rng.uniform(size=n) < logistic(w * x)).astype(float)
    else:
        y = rng.poisson(np.exp(w * x)).astype(float)
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
    fraction = as_probability(fraction, "fraction")
    rng = as_generator(rng)
    y = np.array(y, dtype=float)
    mask = np.zeros(y.shape, dtype=bool)
    mask[rng.choice(y.size, size=int(round(fraction * y.size)), replace=False)] = True
    y[mask] += shift
    return y, mask

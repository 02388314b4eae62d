"""Two-dimensional densities to sample from: the training data of the generative models (the
diffusion model of chapter 12 learns to draw new points from them).

Every sampler returns points of shape (n, 2), float64, scaled to lie roughly within [-2, 2]^2,
the scale at which a diffusion model's unit-variance noise is neither tiny nor overwhelming.
"""

from __future__ import annotations

import numpy as np

from dlcourse._validate import check_choice, as_non_negative_float, as_positive_int
from dlcourse.data.classification import make_moons, points_on_circle
from dlcourse.seeding import as_generator

__all__ = ["sample_swiss_roll", "sample_gaussian_mixture", "sample_moons", "sample_density", "DENSITIES",
           "mixture_means"]


def sample_swiss_roll(n: int, rng: np.random.Generator | int, noise: float = 0.02) -> np.ndarray:
    """The 2-D swiss roll: ``s ~ Uniform(3 pi / 2, 9 pi / 2)`` and the point
    ``(s cos s, s sin s) / 10`` plus Gaussian noise of std ``noise``: a spiral of one and a half
    turns whose radius grows from 0.47 to 1.41. Returns shape (n, 2), float64."""
    n = as_positive_int(n, "n")
    noise = as_non_negative_float(noise, "noise")
    rng = as_generator(rng)
    s = rng.uniform(1.5 * np.pi, 4.5 * np.pi, size=n)
    points = np.stack([s * np.cos(s), s * np.sin(s)], axis=1) / 10.0  # (n, 2)
    return points + noise * rng.standard_normal((n, 2))


def mixture_means(n_components: int, radius: float = 1.5) -> np.ndarray:
    """The component means of :func:`sample_gaussian_mixture`: evenly spaced on a circle,
    the first on the positive x-axis. Shape (n_components, 2)."""
    return points_on_circle(as_positive_int(n_components, "n_components"), radius)


def sample_gaussian_mixture(
    n: int,
    rng: np.random.Generator | int,
    n_components: int = 8,
    radius: float = 1.5,
    std: float = 0.1,
) -> np.ndarray:
    """An equal-weight mixture of isotropic Gaussians ``Normal(m_k, std^2 I)`` with means on a
    circle (see :func:`mixture_means`): well separated modes, so a sampler that merely matches the
    mean and covariance is easy to tell from one that learned the density. Returns (n, 2), float64."""
    n = as_positive_int(n, "n")
    std = as_non_negative_float(std, "std")
    rng = as_generator(rng)
    component = rng.integers(0, n_components, size=n)
    return mixture_means(n_components, radius)[component] + std * rng.standard_normal((n, 2))


def sample_moons(n: int, rng: np.random.Generator | int, noise: float = 0.05) -> np.ndarray:
    """The two-moons points (see ``dlcourse.data.classification.make_moons``) without labels,
    centred at the origin. Returns shape (n, 2), float64."""
    X, _ = make_moons(n, rng, noise=noise)
    return X - np.array([0.5, 0.25])  # the moons' centre of symmetry


DENSITIES = {
    "swiss_roll": sample_swiss_roll,
    "gaussian_mixture": sample_gaussian_mixture,
    "moons": sample_moons,
}


def sample_density(name: str, n: int, rng: np.random.Generator | int, **options) -> np.ndarray:
    """Draw ``n`` points from the density called ``name`` (a key of ``DENSITIES``); ``options``
    go to its sampler. Returns shape (n, 2), float64."""
    check_choice(name, "name", DENSITIES)
    return DENSITIES[name](n, rng, **options)

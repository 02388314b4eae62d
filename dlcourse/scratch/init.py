"""Weight initializations that keep activations and gradients at a steady scale (notes 4.5.3).

The idea: a unit sums ``fan_in`` inputs, so weights of variance ``1 / fan_in`` keep the variance of
the pre-activation about that of the inputs in the forward pass, and ``1 / fan_out`` does the same
for gradients in the backward pass.

- **Xavier/Glorot** (logistic, tanh): ``Var(w) = gain^2 * 2 / (fan_in + fan_out)``, a compromise of
  the two; ``Uniform(-a, a)`` with ``a = gain * sqrt(6 / (fan_in + fan_out))`` (notes eq. 28) has it.
- **He/Kaiming** (ReLU): a ReLU zeroes half its inputs, halving the variance, so
  ``Var(w) = 2 / fan_in`` (notes eq. 29), generally ``gain^2 / fan`` with the ReLU gain sqrt(2).

Formulas, defaults and gains are those of ``torch.nn.init`` (``xavier_uniform_``,
``xavier_normal_``, ``kaiming_normal_``, ``kaiming_uniform_``, ``calculate_gain``).

Shapes: a linear weight in this package has shape (fan_in, fan_out) = (D, M) (``x @ w``), the
transpose of ``torch.nn.Linear.weight``; a conv filter bank has PyTorch's shape (F, C, KH, KW),
with ``fan_in = C * KH * KW`` and ``fan_out = F * KH * KW``. Biases start at zero.
"""

from __future__ import annotations

import math

import numpy as np

from dlcourse._validate import as_non_negative_float
from dlcourse.seeding import as_generator

__all__ = [
    "fan_in_and_fan_out",
    "calculate_gain",
    "xavier_uniform",
    "xavier_normal",
    "he_normal",
    "he_uniform",
]


def fan_in_and_fan_out(shape) -> tuple[int, int]:
    """``(fan_in, fan_out)`` of a weight of this shape.

    - (D, M), a linear weight used as ``x @ w``: ``(D, M)``;
    - (F, C, KH, ...), conv filters: ``(C * KH * ..., F * KH * ...)``.
    """
    if isinstance(shape, (int, np.integer)) or len(tuple(shape)) < 2:
        raise ValueError(f"shape must have at least 2 dimensions, (fan_in, fan_out) or (F, C, KH, KW), got {shape!r}")
    shape = tuple(int(s) for s in shape)
    if any(s < 1 for s in shape):
        raise ValueError(f"shape must have positive sizes, got {shape}")
    if len(shape) == 2:
        return shape[0], shape[1]
    receptive_field = math.prod(shape[2:])
    return shape[1] * receptive_field, shape[0] * receptive_field


def calculate_gain(nonlinearity: str, negative_slope: float | None = None) -> float:
    """The factor that compensates how much an activation shrinks the variance (``torch.nn.init.calculate_gain``):
    1 for linear/identity and logistic, 5/3 for tanh, sqrt(2) for relu,
    ``sqrt(2 / (1 + negative_slope^2))`` for leaky_relu (slope 0.01 by default)."""
    gains = {"linear": 1.0, "identity": 1.0, "logistic": 1.0, "sigmoid": 1.0, "tanh": 5.0 / 3.0, "relu": math.sqrt(2.0)}
    if nonlinearity in gains:
        return gains[nonlinearity]
    if nonlinearity == "leaky_relu":
        slope = 0.01 if negative_slope is None else as_non_negative_float(negative_slope, "negative_slope")
        return math.sqrt(2.0 / (1.0 + slope**2))
    raise ValueError(f"nonlinearity must be one of {sorted(gains) + ['leaky_relu']}, got {nonlinearity!r}")


def xavier_uniform(shape, rng: np.random.Generator, gain: float = 1.0) -> np.ndarray:
    """``Uniform(-a, a)`` with ``a = gain * sqrt(6 / (fan_in + fan_out))``: variance
    ``gain^2 * 2 / (fan_in + fan_out)`` (``torch.nn.init.xavier_uniform_``). Returns an array of ``shape``."""
    fan_in, fan_out = fan_in_and_fan_out(shape)
    bound = as_non_negative_float(gain, "gain") * math.sqrt(6.0 / (fan_in + fan_out))
    return as_generator(rng).uniform(-bound, bound, size=tuple(shape))


def xavier_normal(shape, rng: np.random.Generator, gain: float = 1.0) -> np.ndarray:
    """``Normal(0, std^2)`` with ``std = gain * sqrt(2 / (fan_in + fan_out))`` (``torch.nn.init.xavier_normal_``).
    Returns an array of ``shape``."""
    fan_in, fan_out = fan_in_and_fan_out(shape)
    std = as_non_negative_float(gain, "gain") * math.sqrt(2.0 / (fan_in + fan_out))
    return as_generator(rng).normal(0.0, std, size=tuple(shape))


def _he_std(shape, negative_slope: float, mode: str) -> float:
    if mode not in ("fan_in", "fan_out"):
        raise ValueError(f"mode must be 'fan_in' (keeps forward activations steady) or 'fan_out' (gradients), got {mode!r}")
    fan_in, fan_out = fan_in_and_fan_out(shape)
    fan = fan_in if mode == "fan_in" else fan_out
    return calculate_gain("leaky_relu", negative_slope) / math.sqrt(fan)


def he_normal(shape, rng: np.random.Generator, negative_slope: float = 0.0, mode: str = "fan_in") -> np.ndarray:
    """``Normal(0, std^2)`` with ``std = gain / sqrt(fan)`` and ``gain = sqrt(2 / (1 + negative_slope^2))``:
    ``Var(w) = 2 / fan_in`` for a ReLU (``torch.nn.init.kaiming_normal_(w, a=negative_slope, mode=mode,
    nonlinearity="leaky_relu")``, whose ``a = 0`` is the ReLU). Returns an array of ``shape``."""
    return as_generator(rng).normal(0.0, _he_std(shape, negative_slope, mode), size=tuple(shape))


def he_uniform(shape, rng: np.random.Generator, negative_slope: float = 0.0, mode: str = "fan_in") -> np.ndarray:
    """``Uniform(-a, a)`` with ``a = sqrt(3) * gain / sqrt(fan)``, the same variance as :func:`he_normal`
    (``torch.nn.init.kaiming_uniform_``). Returns an array of ``shape``."""
    bound = math.sqrt(3.0) * _he_std(shape, negative_slope, mode)
    return as_generator(rng).uniform(-bound, bound, size=tuple(shape))

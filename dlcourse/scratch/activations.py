"""Activation functions and their derivatives, and the stable softmax family.

Every function here stays finite for any finite input: nothing calls ``exp`` on a large positive
number. The derivatives take the pre-activation ``z`` (what the function was applied to), which is
what a backward pass has at hand.

The PyTorch counterparts: ``torch.sigmoid``, ``torch.tanh``, ``torch.relu``,
``torch.nn.functional.leaky_relu``, ``torch.logsumexp``, ``torch.softmax``, ``torch.log_softmax``.
"""

from __future__ import annotations

import numpy as np

from dlcourse._validate import as_float_array, as_non_negative_float

__all__ = [
    "logistic",
    "logistic_derivative",
    "tanh",
    "tanh_derivative",
    "relu",
    "relu_derivative",
    "leaky_relu",
    "leaky_relu_derivative",
    "activation_and_derivative",
    "log_sum_exp",
    "logsumexp",
    "softmax",
    "log_softmax",
]


def logistic(z):
    """The logistic (sigmoid) function ``1 / (1 + exp(-z))``, elementwise, without overflow.

    For ``z >= 0`` it evaluates ``1 / (1 + exp(-z))``; for ``z < 0`` the equal form
    ``exp(z) / (1 + exp(z))``, so ``exp`` only ever sees non-positive arguments.

    Args:
        z: a number or an array of any shape.

    Returns:
        Values in [0, 1] with the shape of ``z``.
    """
    z = as_float_array(z, "z")
    exp_minus_abs = np.exp(-np.abs(z))  # in (0, 1]: never overflows
    return np.where(z >= 0, 1.0 / (1.0 + exp_minus_abs), exp_minus_abs / (1.0 + exp_minus_abs))


def logistic_derivative(z):
    """``d logistic(z) / dz = logistic(z) (1 - logistic(z))``, elementwise; the shape of ``z``.

    It is at most 1/4 (at ``z = 0``) and tends to 0 for large ``|z|``: the logistic saturates.
    """
    s = logistic(z)
    return s * (1.0 - s)


def tanh(z):
    """The hyperbolic tangent ``(exp(z) - exp(-z)) / (exp(z) + exp(-z))``, elementwise, in (-1, 1).

    NumPy's ``np.tanh`` is already stable for large ``|z|``; it is wrapped so every activation of the
    course has the same form. The shape of ``z``.
    """
    return np.tanh(as_float_array(z, "z"))


def tanh_derivative(z):
    """``d tanh(z) / dz = 1 - tanh(z)^2``, elementwise; the shape of ``z``. Its maximum is 1 at 0."""
    t = np.tanh(as_float_array(z, "z"))
    return 1.0 - t * t


def relu(z):
    """The rectified linear unit ``max(z, 0)``, elementwise; the shape of ``z``."""
    z = as_float_array(z, "z")
    return np.maximum(z, 0.0)


def relu_derivative(z):
    """``d relu(z) / dz = 1[z > 0]``, elementwise, as floats; the shape of ``z``.

    At the kink ``z = 0`` the derivative is taken to be 0, the choice PyTorch's autograd makes.
    """
    z = as_float_array(z, "z")
    return (z > 0).astype(float)


def leaky_relu(z, negative_slope: float = 0.01):
    """``z`` for ``z > 0`` and ``negative_slope * z`` otherwise, elementwise; the shape of ``z``.

    ``negative_slope`` (the notes' epsilon, 0.01 by default as in ``torch.nn.functional.leaky_relu``)
    lets a little gradient through on the negative side, so the unit never fully saturates.
    """
    z = as_float_array(z, "z")
    negative_slope = as_non_negative_float(negative_slope, "negative_slope")
    return np.where(z > 0, z, negative_slope * z)


def leaky_relu_derivative(z, negative_slope: float = 0.01):
    """``1`` for ``z > 0`` and ``negative_slope`` otherwise (also at 0, as PyTorch); the shape of ``z``."""
    z = as_float_array(z, "z")
    negative_slope = as_non_negative_float(negative_slope, "negative_slope")
    return np.where(z > 0, 1.0, negative_slope)


ACTIVATIONS = ("logistic", "tanh", "relu", "leaky_relu")


def activation_and_derivative(z, name: str, negative_slope: float = 0.01):
    """``(phi(z), phi'(z))`` for the activation called ``name``, elementwise (chapter 05's exercise 5.2).

    Args:
        z: a number or an array of any shape (integers allowed).
        name: ``"logistic"``, ``"tanh"``, ``"relu"`` or ``"leaky_relu"``.
        negative_slope: leaky ReLU's slope for ``z <= 0`` (ignored by the other names).

    Returns:
        Two float arrays of ``z``'s shape: the values and the derivatives (at the kink, the left
        derivative, as PyTorch: 0 for ReLU, ``negative_slope`` for leaky ReLU).
    """
    if name == "leaky_relu":
        return leaky_relu(z, negative_slope), leaky_relu_derivative(z, negative_slope)
    pairs = {"logistic": (logistic, logistic_derivative), "tanh": (tanh, tanh_derivative),
             "relu": (relu, relu_derivative)}
    if name not in pairs:
        raise ValueError(f"unknown activation {name!r}: use one of {', '.join(map(repr, ACTIVATIONS))}")
    value, derivative = pairs[name]
    return value(z), derivative(z)


def _shifted(x: np.ndarray, axis: int) -> tuple[np.ndarray, np.ndarray]:
    """``x - max(x)`` along ``axis`` (so the largest entry is 0 and ``exp`` cannot overflow), and
    the max with keepdims. A slice that is all ``-inf`` is shifted by 0 instead of by ``-inf``, which
    would give ``-inf - (-inf) = nan``."""
    peak = np.max(x, axis=axis, keepdims=True)
    peak = np.where(np.isfinite(peak), peak, 0.0)
    return x - peak, peak


def _check_axis(x: np.ndarray, axis: int) -> None:
    if x.ndim == 0:
        raise ValueError("x must have at least one axis to reduce over, got a single number")
    if isinstance(axis, bool) or not isinstance(axis, (int, np.integer)) or not -x.ndim <= axis < x.ndim:
        raise ValueError(f"axis must be an integer in [{-x.ndim}, {x.ndim - 1}] for x of shape {x.shape}, got {axis!r}")


def log_sum_exp(x, axis: int = -1, keepdims: bool = False):
    """``log sum_k exp(x_k)`` along ``axis``, computed as ``m + log sum_k exp(x_k - m)`` with
    ``m = max_k x_k`` so that no term overflows (``torch.logsumexp``).

    Args:
        x: array of any shape with at least one axis.
        axis: the axis to reduce (the last by default).
        keepdims: keep the reduced axis with length 1 (handy for broadcasting back against ``x``).

    Returns:
        ``x``'s shape without ``axis`` (or with length 1 there when ``keepdims``). A slice of all
        ``-inf`` gives ``-inf`` (the log of an empty sum), not nan.
    """
    x = as_float_array(x, "x")
    _check_axis(x, axis)
    shifted, peak = _shifted(x, axis)
    with np.errstate(divide="ignore"):  # log(0) = -inf for an all -inf slice is the right answer
        out = peak + np.log(np.sum(np.exp(shifted), axis=axis, keepdims=True))
    return out if keepdims else np.squeeze(out, axis=axis)


logsumexp = log_sum_exp  # the PyTorch spelling (torch.logsumexp)


def softmax(x, axis: int = -1):
    """``softmax_j(x) = exp(x_j) / sum_k exp(x_k)`` along ``axis``, without overflow.

    Shifting by the max changes nothing mathematically (the factor ``exp(-m)`` cancels) but keeps
    every ``exp`` argument at or below 0.

    Args:
        x: array of any shape with at least one axis (for logits, shape (N, K)).
        axis: the axis whose entries sum to one (the last by default).

    Returns:
        Probabilities with the shape of ``x``, summing to 1 along ``axis``.
    """
    x = as_float_array(x, "x")
    _check_axis(x, axis)
    shifted, _ = _shifted(x, axis)
    exp = np.exp(shifted)
    return exp / np.sum(exp, axis=axis, keepdims=True)


def log_softmax(x, axis: int = -1):
    """``log softmax_j(x) = x_j - log sum_k exp(x_k)`` along ``axis``; the shape of ``x``.

    Computed from the log-sum-exp directly, never as ``log(softmax(x))``, which gives ``-inf`` once a
    probability underflows to 0 (for logits such as ``[1000, 0]``).
    """
    x = as_float_array(x, "x")
    _check_axis(x, axis)
    shifted, _ = _shifted(x, axis)
    return shifted - np.log(np.sum(np.exp(shifted), axis=axis, keepdims=True))

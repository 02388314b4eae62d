"""Gradient checking: compare a backward pass with central finite differences.

``numerical_gradient`` perturbs one entry of ``x`` at a time (a loop is the point here: it is the
slow, obviously-correct reference), ``gradient_check`` reports how far an analytic gradient is from
it. Typical use on a layer with upstream gradient ``dout``::

    out, cache = linear_forward(x, w, b)
    dx, dw, db = linear_backward(dout, cache)
    error = gradient_check(lambda: linear_forward(x, w, b)[0], w, dw, dout=dout)
    assert error < 1e-7
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from dlcourse._validate import as_float_array

__all__ = ["numerical_gradient", "relative_error", "gradient_check"]


def _evaluate(f: Callable, x: np.ndarray, dout: np.ndarray | None) -> float:
    """The scalar whose gradient is checked: ``f(x)`` itself, or ``sum(f(x) * dout)``."""
    value = np.asarray(f(x), dtype=float)
    if dout is None:
        if value.size != 1:
            raise ValueError(
                f"f must return a single number when no dout is given, got shape {value.shape}: "
                "pass dout (the upstream gradient, shape of f's output) to check sum(f(x) * dout)"
            )
        return float(value.reshape(()))
    if value.shape != dout.shape:
        raise ValueError(f"dout must have the shape of f's output {value.shape}, got shape {dout.shape}")
    return float(np.sum(value * dout))


def numerical_gradient(f: Callable, x: np.ndarray, eps: float = 1e-6, dout=None) -> np.ndarray:
    """Central-difference estimate of the gradient of a scalar function at ``x``:

    ``dL/dx_i ~ (L(x + eps e_i) - L(x - eps e_i)) / (2 eps)``, with error O(eps^2),

    where ``L = f(x)`` if ``dout`` is None, else ``L = sum(f(x) * dout)`` (so the result is the
    vector-Jacobian product ``J^T dout`` a backward pass computes).

    ``x`` is perturbed **in place** and restored afterwards, so ``f`` may ignore its argument and
    read ``x`` through a closure (``lambda _: layer_forward(x, w, b)[0]`` checks any of x, w, b).

    Args:
        f: function of one array returning a number (or an array shaped like ``dout``).
        x: float64 array of any shape; the point where the gradient is estimated.
        eps: the step, 1e-6 by default (a balance of truncation error eps^2 and rounding 1e-16/eps).
        dout: optional upstream gradient with the shape of ``f(x)``.

    Returns:
        Array of ``x``'s shape.
    """
    if not isinstance(x, np.ndarray) or x.dtype != np.float64:
        raise TypeError(
            f"x must be a float64 NumPy array (it is perturbed in place), got "
            f"{type(x).__name__}{' of dtype ' + str(x.dtype) if isinstance(x, np.ndarray) else ''}"
        )
    if not eps > 0:
        raise ValueError(f"eps must be positive, got {eps}")
    if dout is not None:
        dout = as_float_array(dout, "dout")
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):  # one entry at a time; works on views too
        original = x[index]
        try:
            x[index] = original + eps
            plus = _evaluate(f, x, dout)
            x[index] = original - eps
            minus = _evaluate(f, x, dout)
        finally:
            x[index] = original
        grad[index] = (plus - minus) / (2.0 * eps)
    return grad


def relative_error(analytic, numerical, floor: float = 1e-8) -> float:
    """``max_i |a_i - n_i| / max(|a_i| + |n_i|, floor)``: 0 for a perfect match, 1 for opposite signs.

    ``floor`` keeps entries where both gradients are (nearly) zero from dividing by zero; there the
    error is measured relative to ``floor``. Below about 1e-7 means agreement for double precision.
    """
    analytic = as_float_array(analytic, "analytic")
    numerical = as_float_array(numerical, "numerical", shape=analytic.shape)
    if analytic.size == 0:
        return 0.0
    denominator = np.maximum(np.abs(analytic) + np.abs(numerical), floor)
    return float(np.max(np.abs(analytic - numerical) / denominator))


def gradient_check(f: Callable, x: np.ndarray, analytic_grad, eps: float = 1e-6, dout=None, floor: float = 1e-8) -> float:
    """The max relative error between ``analytic_grad`` and the central-difference gradient of ``f`` at ``x``.

    Args:
        f, x, eps, dout: as in :func:`numerical_gradient`.
        analytic_grad: the gradient your backward pass computed, shape of ``x``.
        floor: see :func:`relative_error`.

    Returns:
        The max relative error, a float (about 1e-8 or less when the backward pass is right).
    """
    analytic_grad = as_float_array(analytic_grad, "analytic_grad")
    if analytic_grad.shape != np.shape(x):
        raise ValueError(f"analytic_grad must have the shape of x {np.shape(x)}, got shape {analytic_grad.shape}")
    return relative_error(analytic_grad, numerical_gradient(f, x, eps, dout), floor)

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

__all__ = ["numerical_gradient", "relative_error", "gradient_check", "backward_pass_candidates"]


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


def _candidate(letter: str):
    from dlcourse.scratch.activations import logistic

    data_rng = np.random.default_rng(630 + "ABCD".index(letter))
    X = data_rng.normal(0, 1, (8, 4))
    W = data_rng.normal(0, 0.5, (4, 3))
    b = data_rng.normal(0, 0.5, 3)
    dout = data_rng.normal(0, 1, (8, 3))
    if letter == "A":
        loss = lambda: float(np.sum(np.tanh(X @ W + b) * dout))  # noqa: E731
        d_pre = dout * (1 - np.tanh(X @ W + b) ** 2)
        return loss, [W, b], [X.T @ d_pre, d_pre.sum(axis=0)]
    if letter == "B":
        loss = lambda: float(np.sum(logistic(X @ W + b) * dout))  # noqa: E731
        s = logistic(X @ W + b)
        d_pre = dout * s * (1 - s)
        return loss, [W, b], [X.T @ d_pre, d_pre.mean(axis=0)]
    if letter == "C":
        b[1] += 3e-6 - (X @ W + b)[0, 1]  # move the point: pre-activation [0, 1] is now 3e-6
        loss = lambda: float(np.sum(np.maximum(X @ W + b, 0) * dout))  # noqa: E731
        d_pre = dout * (X @ W + b > 0)
        return loss, [W, b], [X.T @ d_pre, d_pre.sum(axis=0)]
    loss = lambda: float(np.sum((X @ W + b) * dout) + 1e-3 * np.sum(W ** 2))  # noqa: E731
    return loss, [W, b], [X.T @ dout + 1e-3 * W, dout.sum(axis=0)]


def backward_pass_candidates() -> dict[str, tuple[Callable[[], float], list[np.ndarray], list[np.ndarray]]]:
    """Four layers with the backward passes someone wrote for them, to practise reading a gradient
    check (chapter 06, exercise 6.3; the notebook does not show how ``grads`` were computed).

    Each value is ``(loss, params, grads)``: ``loss()`` is ``sum(out * dout)`` for a fixed random
    ``dout`` (8 examples, 4 inputs, 3 outputs), read from ``params = [W (4, 3), b (3,)]`` in place,
    and ``grads`` is what the candidate's backward pass returned for ``[W, b]``.

    * ``"A"``: ``tanh(X W + b)``.
    * ``"B"``: ``logistic(X W + b)``.
    * ``"C"``: ``relu(X W + b)`` at a point where one pre-activation equals ``3e-6``.
    * ``"D"``: ``X W + b`` with the penalty ``1e-3 ||W||^2`` added to the loss.

    Which of them are wrong is the exercise's question, so it is not answered here (the package's
    tests know). Every call builds fresh arrays from the same seeds.
    """
    return {letter: _candidate(letter) for letter in "ABCD"}

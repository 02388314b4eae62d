"""Layers with a forward and a backward pass, side by side.

Every layer is a pair of functions:

- ``<layer>_forward(inputs..., params...) -> (out, cache)``: the output, and what the backward
  pass will need (kept in ``cache`` so nothing is recomputed);
- ``<layer>_backward(dout, cache) -> gradients``: given ``dout = dL/dout`` (the upstream gradient,
  shape of ``out``), the gradients of the loss ``L`` with respect to every input and parameter,
  in the order of the forward's arguments.

A network's backward pass calls the backward functions in the reverse order of the forwards; the
losses at the top (``softmax_cross_entropy``, ``sigmoid_binary_cross_entropy``) return the loss and
its gradient with respect to the logits, where backpropagation starts.

Conventions: examples are rows. A linear layer computes ``x @ w + b`` with ``w`` of shape (D, M)
(the notes' ``H_l W_l``); ``torch.nn.Linear`` stores the transpose, ``weight`` of shape (M, D), so
``w = linear.weight.T``.
"""

from __future__ import annotations

import numpy as np

from dlcourse._validate import as_float_array, as_gradient, as_labels, check_shape
from dlcourse.scratch.activations import leaky_relu, leaky_relu_derivative, logistic, relu, relu_derivative, softmax
from dlcourse.scratch.losses import binary_cross_entropy_with_logits, cross_entropy_with_logits

__all__ = [
    "linear_forward",
    "linear_backward",
    "relu_forward",
    "relu_backward",
    "leaky_relu_forward",
    "leaky_relu_backward",
    "tanh_forward",
    "tanh_backward",
    "logistic_forward",
    "logistic_backward",
    "softmax_cross_entropy",
    "sigmoid_binary_cross_entropy",
    "residual_forward",
    "residual_backward",
]


# ----------------------------------------------------------------------------- linear


def linear_forward(x, w, b):
    """Fully connected layer ``out = x @ w + b``.

    Args:
        x: inputs, shape (N, D): N examples as rows.
        w: weights, shape (D, M).
        b: biases, shape (M,), added to every row.

    Returns:
        out: shape (N, M).
        cache: ``(x, w)`` for the backward pass.
    """
    x = as_float_array(x, "x", dims="N, D")
    w = as_float_array(w, "w", dims="D, M")
    if w.shape[0] != x.shape[1]:
        raise ValueError(f"w must have shape (D, M) = ({x.shape[1]}, M) to match x of shape {x.shape}, got shape {w.shape}")
    b = as_float_array(b, "b")
    check_shape(b, "b", (w.shape[1],), "(M,): one bias per output")
    out = x @ w + b  # (N, M)
    return out, (x, w)


def linear_backward(dout, cache):
    """Backward pass of :func:`linear_forward`.

    With ``out = x @ w + b``: ``dx = dout @ w^T``, ``dw = x^T @ dout``, ``db = sum_n dout[n]``
    (the bias is added to every row, so its gradient sums over rows).

    Args:
        dout: upstream gradient, shape (N, M).
        cache: from :func:`linear_forward`.

    Returns:
        dx (N, D), dw (D, M), db (M,).
    """
    x, w = cache
    dout = as_gradient(dout, "dout", (x.shape[0], w.shape[1]))
    dx = dout @ w.T      # (N, D)
    dw = x.T @ dout      # (D, M)
    db = dout.sum(axis=0)  # (M,)
    return dx, dw, db


# ----------------------------------------------------------------------------- activations
# Elementwise: out has the shape of x, and the backward multiplies dout by the derivative at x.


def relu_forward(x):
    """``out = max(x, 0)`` elementwise; ``x`` of any shape. Returns ``(out, cache)``."""
    x = as_float_array(x, "x")
    return relu(x), x


def relu_backward(dout, cache):
    """``dx = dout * 1[x > 0]``: the gradient passes where the unit was active, else it is 0."""
    x = cache
    dout = as_gradient(dout, "dout", x.shape)
    return dout * relu_derivative(x)


def leaky_relu_forward(x, negative_slope: float = 0.01):
    """``out = x`` where ``x > 0``, else ``negative_slope * x``; ``x`` of any shape. Returns ``(out, cache)``."""
    x = as_float_array(x, "x")
    return leaky_relu(x, negative_slope), (x, negative_slope)


def leaky_relu_backward(dout, cache):
    """``dx = dout * (1 if x > 0 else negative_slope)``: never exactly zero for a positive slope."""
    x, negative_slope = cache
    dout = as_gradient(dout, "dout", x.shape)
    return dout * leaky_relu_derivative(x, negative_slope)


def tanh_forward(x):
    """``out = tanh(x)`` elementwise; ``x`` of any shape. Returns ``(out, cache)``; the cache is ``out``."""
    x = as_float_array(x, "x")
    out = np.tanh(x)
    return out, out


def tanh_backward(dout, cache):
    """``dx = dout * (1 - tanh(x)^2)``, using the cached output instead of recomputing tanh."""
    out = cache
    dout = as_gradient(dout, "dout", out.shape)
    return dout * (1.0 - out * out)


def logistic_forward(x):
    """``out = logistic(x) = 1 / (1 + exp(-x))`` elementwise, stable; ``x`` of any shape.
    Returns ``(out, cache)``; the cache is ``out`` (``torch.sigmoid``)."""
    x = as_float_array(x, "x")
    out = logistic(x)
    return out, out


def logistic_backward(dout, cache):
    """``dx = dout * s (1 - s)`` with ``s = logistic(x)``, from the cached output."""
    out = cache
    dout = as_gradient(dout, "dout", out.shape)
    return dout * out * (1.0 - out)


# ----------------------------------------------------------------------------- losses


def softmax_cross_entropy(logits, labels):
    """Mean categorical cross-entropy of integer labels under ``softmax(logits)``, and its gradient.

    ``L = -(1/N) sum_n log softmax_{y_n}(z_n)`` and ``dL/dz = (softmax(z) - Y) / N`` with ``Y`` the
    one-hot labels: the notes' ``(1/N) (E[Y|X] - Y)``, where backpropagation starts.

    Args:
        logits: ``z``, shape (N, K).
        labels: integers in [0, K), shape (N,).

    Returns:
        loss: a float (``torch.nn.functional.cross_entropy``).
        dlogits: shape (N, K).
    """
    logits = as_float_array(logits, "logits", dims="N, K")
    n = logits.shape[0]
    labels = as_labels(labels, "labels", *logits.shape)
    loss = cross_entropy_with_logits(logits, labels)         # stable: from log_softmax, never log(probs)
    dlogits = softmax(logits, axis=1)                        # P, (N, K)
    dlogits[np.arange(n), labels] -= 1.0                     # P - Y without building Y
    dlogits /= n
    return loss, dlogits


def sigmoid_binary_cross_entropy(logits, targets):
    """Mean binary cross-entropy under ``Bernoulli(logistic(logits))``, and its gradient.

    ``L = (1/N) sum_n [max(z_n, 0) - z_n y_n + log(1 + exp(-|z_n|))]`` and
    ``dL/dz = (logistic(z) - y) / N`` (``torch.nn.functional.binary_cross_entropy_with_logits``).

    Args:
        logits: ``z``, any shape; N is its number of elements.
        targets: ``y`` in [0, 1], the shape of ``logits``.

    Returns:
        loss: a float.
        dlogits: the shape of ``logits``.
    """
    logits = as_float_array(logits, "logits")
    targets = as_float_array(targets, "targets")
    loss = binary_cross_entropy_with_logits(logits, targets)  # also checks targets' shape and range
    dlogits = (logistic(logits) - targets) / logits.size
    return loss, dlogits


# ----------------------------------------------------------------------------- residual block


def residual_forward(x, w1, b1, w2, b2):
    """Residual block ``y = x + F(x)`` with ``F(x) = relu(x @ w1 + b1) @ w2 + b2`` (notes eq. 27).

    The block learns the change ``F(x) = y - x``; when ``F`` is dead or saturated, ``y ~ x`` and the
    gradient still flows through the identity path.

    Args:
        x: inputs, shape (N, D).
        w1: shape (D, H); b1: shape (H,).
        w2: shape (H, D); b2: shape (D,) (F must map back to D dimensions so it can be added to x).

    Returns:
        out: shape (N, D).
        cache: the caches of the three inner layers.
    """
    x = as_float_array(x, "x", dims="N, D")
    w2 = as_float_array(w2, "w2", dims="H, D")
    if w2.shape[1] != x.shape[1]:
        raise ValueError(
            f"w2 must have shape (H, D) with D = {x.shape[1]} (F(x) is added to x of shape {x.shape}), got shape {w2.shape}"
        )
    hidden_pre, cache1 = linear_forward(x, w1, b1)           # (N, H)
    hidden, cache_relu = relu_forward(hidden_pre)            # (N, H)
    residual, cache2 = linear_forward(hidden, w2, b2)        # (N, D)
    return x + residual, (cache1, cache_relu, cache2)


def residual_backward(dout, cache):
    """Backward pass of :func:`residual_forward`.

    ``dy/dx = I + dF/dx``, so ``dx = dout + (gradient through F)``: the first term is the "+1" path
    of the notes, which carries ``dout`` back unchanged even when F's gradient vanishes.

    Args:
        dout: upstream gradient, shape (N, D).
        cache: from :func:`residual_forward`.

    Returns:
        dx (N, D), dw1 (D, H), db1 (H,), dw2 (H, D), db2 (D,).
    """
    cache1, cache_relu, cache2 = cache
    x = cache1[0]
    dout = as_gradient(dout, "dout", x.shape)
    dhidden, dw2, db2 = linear_backward(dout, cache2)
    dhidden_pre = relu_backward(dhidden, cache_relu)
    dx_through_f, dw1, db1 = linear_backward(dhidden_pre, cache1)
    dx = dout + dx_through_f  # identity path ("+1") + path through F
    return dx, dw1, db1, dw2, db2

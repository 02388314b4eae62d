"""Batch normalization and layer normalization, forward and backward (notes 4.5.4).

Both standardize pre-activations and then rescale them with learned ``gamma`` and ``beta``:

    out = gamma * (x - mean) / sqrt(var + eps) + beta

They differ in which entries share a mean and variance:

- **batch norm** (``torch.nn.functional.batch_norm``): per feature/channel, over the examples of
  the batch (and over the spatial positions for images). In training it uses the batch's
  statistics and updates running averages; in evaluation it uses the running averages, so an
  example's output no longer depends on the other examples in its batch.
- **layer norm** (``torch.nn.functional.layer_norm``): per example, over its features (the last
  axis). Training and evaluation compute exactly the same thing.

As in PyTorch, the normalization uses the biased variance (divide by the count m) and ``eps`` goes
inside the square root; the running variance is updated with the unbiased one (divide by m - 1).
The notes write layer norm with ``eps`` outside the square root; the difference is negligible for
``eps = 1e-5`` and this module follows PyTorch so the two can be compared exactly.
"""

from __future__ import annotations

import math

import numpy as np

from dlcourse._validate import as_float_array, as_gradient, as_probability, check_shape

__all__ = ["batch_norm_forward", "batch_norm_backward", "layer_norm_forward", "layer_norm_backward"]


def _check_running(array, name: str, channels: int, required: bool) -> np.ndarray | None:
    if array is None:
        if required:
            raise ValueError(
                f"{name} is needed in evaluation mode (training=False): pass the running statistics of shape ({channels},)"
            )
        return None
    if not isinstance(array, np.ndarray) or array.dtype != np.float64:
        got = f"array of dtype {array.dtype}" if isinstance(array, np.ndarray) else type(array).__name__
        raise TypeError(f"{name} must be a float64 NumPy array of shape ({channels},) (it is updated in place), got {got}")
    check_shape(array, name, (channels,), "(C,): one entry per channel")
    return array


def _check_eps(eps) -> float:
    if isinstance(eps, bool) or not isinstance(eps, (int, float, np.floating)) or not eps > 0:
        raise ValueError(f"eps must be a positive number, got {eps!r}")
    return float(eps)


def _standardize_backward(g: np.ndarray, x_hat: np.ndarray, inv_std: np.ndarray, axes: tuple[int, ...]) -> np.ndarray:
    """``dx`` from ``g = dL/dx_hat`` for ``x_hat = (x - mean) * inv_std`` with the mean and biased
    variance taken over ``axes`` (m entries each): ``dx = (inv_std / m) (m g - sum(g) - x_hat sum(g x_hat))``.
    ``inv_std`` broadcasts against ``x_hat``. Batch norm and layer norm differ only in ``axes``."""
    count = math.prod(x_hat.shape[axis] for axis in axes)
    # the three terms: the direct path, through the mean, through the variance
    return (count * g - g.sum(axis=axes, keepdims=True)
            - x_hat * np.sum(g * x_hat, axis=axes, keepdims=True)) * (inv_std / count)


def batch_norm_forward(x, gamma, beta, running_mean=None, running_var=None, *, training: bool,
                       momentum: float = 0.1, eps: float = 1e-5):
    """Batch normalization over every axis but the channel axis 1.

    For channel c, with the m = N * (spatial size) entries ``x[:, c, ...]``:

    - training: ``mean_c`` and ``var_c`` are their mean and biased variance, and the running
      statistics are updated **in place** (when given):
      ``running_mean <- (1 - momentum) running_mean + momentum mean``,
      ``running_var  <- (1 - momentum) running_var  + momentum var * m / (m - 1)``;
    - evaluation: ``mean_c = running_mean[c]``, ``var_c = running_var[c]``; nothing is updated.

    ``out[:, c] = gamma[c] (x[:, c] - mean_c) / sqrt(var_c + eps) + beta[c]``.

    Args:
        x: shape (N, C) for features, (N, C, L) for sequences or (N, C, H, W) for images.
        gamma, beta: scale and shift, shape (C,).
        running_mean, running_var: float64 arrays of shape (C,), or None in training to not track
            them (required in evaluation). Start them at 0 and 1.
        training: True for the batch statistics, False for the running ones. Keyword only, because
            mixing up the modes is the classic batch-norm bug.
        momentum: weight of the new batch in the running averages (0.1 as in PyTorch).
        eps: added to the variance before the square root.

    Returns:
        out: the shape of ``x``.
        cache: for :func:`batch_norm_backward`.
    """
    x = as_float_array(x, "x")
    if x.ndim < 2:
        raise ValueError(f"x must have shape (N, C), (N, C, L) or (N, C, H, W), got shape {x.shape}")
    channels = x.shape[1]
    gamma = as_float_array(gamma, "gamma")
    check_shape(gamma, "gamma", (channels,), "(C,): one scale per channel")
    beta = as_float_array(beta, "beta")
    check_shape(beta, "beta", (channels,), "(C,): one shift per channel")
    running_mean = _check_running(running_mean, "running_mean", channels, required=not training)
    running_var = _check_running(running_var, "running_var", channels, required=not training)
    momentum = as_probability(momentum, "momentum")
    eps = _check_eps(eps)

    axes = (0, *range(2, x.ndim))                  # every axis but the channels
    per_channel = (1, channels) + (1,) * (x.ndim - 2)  # broadcasts a (C,) vector against x
    count = x.size // channels                     # m: entries per channel
    if training:
        if count < 2:
            raise ValueError(f"batch norm in training needs more than 1 value per channel, got x of shape {x.shape}")
        mean = x.mean(axis=axes)                   # (C,)
        var = x.var(axis=axes)                     # (C,), biased: divides by m
        if running_mean is not None:
            running_mean *= 1.0 - momentum
            running_mean += momentum * mean
        if running_var is not None:
            running_var *= 1.0 - momentum
            running_var += momentum * var * count / (count - 1)  # unbiased, as torch
    else:
        mean, var = running_mean, running_var
    inv_std = 1.0 / np.sqrt(var + eps)             # (C,)
    x_hat = (x - mean.reshape(per_channel)) * inv_std.reshape(per_channel)
    out = gamma.reshape(per_channel) * x_hat + beta.reshape(per_channel)
    return out, (x_hat, gamma, inv_std, training, axes, per_channel)


def batch_norm_backward(dout, cache):
    """Backward pass of :func:`batch_norm_forward`.

    With ``x_hat = (x - mean) / std`` and ``g = dout * gamma`` (the gradient at ``x_hat``), per
    channel over its m entries:

    - training (the mean and variance depend on every x of the channel):
      ``dx = (1 / (m std)) (m g - sum(g) - x_hat sum(g x_hat))``;
    - evaluation (running statistics are constants): ``dx = g / std``;

    and in both ``dgamma = sum(dout x_hat)``, ``dbeta = sum(dout)``.

    Returns:
        dx (shape of x), dgamma (C,), dbeta (C,).
    """
    x_hat, gamma, inv_std, training, axes, per_channel = cache
    dout = as_gradient(dout, "dout", x_hat.shape)
    dgamma = np.sum(dout * x_hat, axis=axes)
    dbeta = np.sum(dout, axis=axes)
    g = dout * gamma.reshape(per_channel)          # dL/dx_hat
    if not training:
        return g * inv_std.reshape(per_channel), dgamma, dbeta
    return _standardize_backward(g, x_hat, inv_std.reshape(per_channel), axes), dgamma, dbeta


def layer_norm_forward(x, gamma, beta, eps: float = 1e-5):
    """Layer normalization over the last axis (``torch.nn.functional.layer_norm(x, (D,), gamma, beta)``).

    For each example (each index of the leading axes), with its D features ``x[..., :]``:
    ``out = gamma (x - mean) / sqrt(var + eps) + beta``, mean and biased variance over the D features.
    No running statistics: training and evaluation are identical.

    Args:
        x: shape (..., D), for example (N, D) or (N, T, D) for sequences.
        gamma, beta: shape (D,).
        eps: added to the variance before the square root.

    Returns:
        out: the shape of ``x``.
        cache: for :func:`layer_norm_backward`.
    """
    x = as_float_array(x, "x", dims="..., D")
    features = x.shape[-1]
    gamma = as_float_array(gamma, "gamma")
    check_shape(gamma, "gamma", (features,), "(D,): one scale per feature")
    beta = as_float_array(beta, "beta")
    check_shape(beta, "beta", (features,), "(D,): one shift per feature")
    eps = _check_eps(eps)
    mean = x.mean(axis=-1, keepdims=True)          # (..., 1)
    var = x.var(axis=-1, keepdims=True)            # (..., 1), biased
    inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = (x - mean) * inv_std                   # (..., D)
    return gamma * x_hat + beta, (x_hat, gamma, inv_std)


def layer_norm_backward(dout, cache):
    """Backward pass of :func:`layer_norm_forward`: the batch-norm formula along the feature axis,

    ``dx = (1 / (D std)) (D g - sum(g) - x_hat sum(g x_hat))`` with ``g = dout * gamma``, sums over the
    last axis; ``dgamma = sum(dout x_hat)`` and ``dbeta = sum(dout)`` over every leading axis.

    Returns:
        dx (shape of x), dgamma (D,), dbeta (D,).
    """
    x_hat, gamma, inv_std = cache
    dout = as_gradient(dout, "dout", x_hat.shape)
    leading = tuple(range(x_hat.ndim - 1))
    dgamma = np.sum(dout * x_hat, axis=leading)
    dbeta = np.sum(dout, axis=leading)
    return _standardize_backward(dout * gamma, x_hat, inv_std, (-1,)), dgamma, dbeta

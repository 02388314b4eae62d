"""2-D convolution and max pooling, forward and backward (notes section 6).

Layouts follow PyTorch: images ``x`` of shape (N, C, H, W) (batch, channels, height, width),
filters ``w`` of shape (F, C, KH, KW), biases ``b`` of shape (F,). ``stride`` and ``padding``
are an int or a pair ``(height, width)``; padding adds zeros on both sides. Like
``torch.nn.functional.conv2d`` this computes a cross-correlation (the filter is not flipped):

    out[n, f, i, j] = b[f] + sum_{c, p, q} w[f, c, p, q] * x_pad[n, c, i * SH + p, j * SW + q].

The output size along each axis is ``floor((H + 2P - K) / S) + 1`` (:func:`conv_output_size`).

Two implementations of the same forward:

- :func:`conv2d_forward_naive` loops over every output entry: slow, obviously right, the reference.
- :func:`conv2d_forward` turns the convolution into one matrix product. :func:`im2col` lays every
  receptive field out as a column, ``cols[n, (c, p, q), (i, j)] = x_pad[n, c, i*SH + p, j*SW + q]``
  (a view of ``x`` made with stride tricks, copied once), so that ``out[n] = w.reshape(F, -1) @
  cols[n] + b``. The backward pass reuses ``cols`` for ``dw`` and scatters the columns' gradients
  back to the image with :func:`col2im`, the adjoint of im2col (overlapping fields add up).

``im2col``/``col2im`` are ``torch.nn.functional.unfold``/``fold``, with the same layouts.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from dlcourse._validate import as_float_array, as_gradient, as_non_negative_int, as_pair, as_positive_int, check_shape

__all__ = [
    "conv_output_size",
    "conv2d_parameter_count",
    "conv2d_forward_naive",
    "im2col",
    "col2im",
    "conv2d_forward",
    "conv2d_backward",
    "max_pool2d_forward",
    "max_pool2d_backward",
]


def conv_output_size(input_size: int, kernel_size: int, stride: int = 1, padding: int = 0) -> int:
    """Output length along one axis: ``floor((input_size + 2 padding - kernel_size) / stride) + 1``.

    The notes write ``(H - F + 2P) / S + 1``; when ``S`` does not divide ``H - F + 2P`` the last
    partial window is dropped (the floor), as in PyTorch. Raises ValueError when the (padded) input
    is smaller than the kernel.
    """
    for value, name in ((input_size, "input_size"), (kernel_size, "kernel_size"), (stride, "stride")):
        as_positive_int(value, name)
    as_non_negative_int(padding, "padding")
    span = input_size + 2 * padding - kernel_size
    if span < 0:
        padded = input_size + 2 * padding
        raise ValueError(f"kernel_size {kernel_size} is larger than the padded input {input_size} + 2*{padding} = {padded}")
    return span // stride + 1


def conv2d_parameter_count(in_channels: int, out_channels: int, kernel_size, bias: bool = True) -> int:
    """Number of parameters of a conv layer: ``F * (KH * KW * C) + F`` (the ``+ F`` with bias).

    Every one of the F filters spans all C input channels; one bias per filter.
    """
    in_channels = as_positive_int(in_channels, "in_channels")
    out_channels = as_positive_int(out_channels, "out_channels")
    kh, kw = as_pair(kernel_size, "kernel_size", minimum=1)
    return out_channels * kh * kw * in_channels + (out_channels if bias else 0)


def _check_conv_inputs(x, w, b, stride, padding):
    x = as_float_array(x, "x", dims="N, C, H, W")
    w = as_float_array(w, "w", dims="F, C, KH, KW")
    if w.shape[1] != x.shape[1]:
        raise ValueError(
            f"w must have shape (F, C, KH, KW) with C = {x.shape[1]} (the channels of x), got shape {w.shape}"
        )
    b = as_float_array(b, "b")
    check_shape(b, "b", (w.shape[0],), "(F,): one bias per filter")
    stride = as_pair(stride, "stride", minimum=1)
    padding = as_pair(padding, "padding", minimum=0)
    out_h = conv_output_size(x.shape[2], w.shape[2], stride[0], padding[0])
    out_w = conv_output_size(x.shape[3], w.shape[3], stride[1], padding[1])
    return x, w, b, stride, padding, (out_h, out_w)


def _pad(x: np.ndarray, padding: tuple[int, int]) -> np.ndarray:
    """Zero-pad the two spatial axes (a preallocated array: faster than np.pad)."""
    ph, pw = padding
    if ph == 0 and pw == 0:
        return x
    n, c, h, w = x.shape
    padded = np.zeros((n, c, h + 2 * ph, w + 2 * pw))
    padded[:, :, ph:ph + h, pw:pw + w] = x
    return padded


def conv2d_forward_naive(x, w, b, stride=1, padding=0) -> np.ndarray:
    """The convolution by its definition, one output entry at a time: the reference.

    Shapes and equation as in the module docstring. Returns only ``out`` (N, F, OH, OW): it is
    meant for checking :func:`conv2d_forward`, not for training.
    """
    x, w, b, (sh, sw), padding, (out_h, out_w) = _check_conv_inputs(x, w, b, stride, padding)
    x_pad = _pad(x, padding)
    n_images, n_filters, kh, kw = x.shape[0], w.shape[0], w.shape[2], w.shape[3]
    out = np.zeros((n_images, n_filters, out_h, out_w))
    for n in range(n_images):
        for f in range(n_filters):
            for i in range(out_h):
                for j in range(out_w):
                    field = x_pad[n, :, i * sh:i * sh + kh, j * sw:j * sw + kw]  # (C, KH, KW)
                    out[n, f, i, j] = np.sum(field * w[f]) + b[f]
    return out


def _windows(x_pad: np.ndarray, kernel: tuple[int, int], stride: tuple[int, int]) -> np.ndarray:
    """Read-only view (N, C, OH, OW, KH, KW) of every receptive field: no copy, only strides."""
    return sliding_window_view(x_pad, kernel, axis=(2, 3))[:, :, ::stride[0], ::stride[1]]


def im2col(x, kernel_size, stride=1, padding=0) -> np.ndarray:
    """Lay out every receptive field of ``x`` as a column (``torch.nn.functional.unfold``).

    ``cols[n, c * KH * KW + p * KW + q, i * OW + j] = x_pad[n, c, i * SH + p, j * SW + q]``.

    Args:
        x: images, shape (N, C, H, W).
        kernel_size: ``K`` or ``(KH, KW)``.
        stride, padding: an int or a pair.

    Returns:
        cols: shape (N, C * KH * KW, OH * OW).
    """
    x = as_float_array(x, "x", dims="N, C, H, W")
    kernel = as_pair(kernel_size, "kernel_size", minimum=1)
    stride = as_pair(stride, "stride", minimum=1)
    padding = as_pair(padding, "padding", minimum=0)
    for axis in (0, 1):
        conv_output_size(x.shape[2 + axis], kernel[axis], stride[axis], padding[axis])  # validates sizes
    return _im2col(_pad(x, padding), kernel, stride)


def _im2col(x_pad, kernel, stride):
    windows = _windows(x_pad, kernel, stride)                 # (N, C, OH, OW, KH, KW), a view
    n, c, out_h, out_w, kh, kw = windows.shape
    # the one copy: order the axes (N, C, KH, KW, OH, OW) so a reshape gives the columns
    return windows.transpose(0, 1, 4, 5, 2, 3).reshape(n, c * kh * kw, out_h * out_w)


def col2im(cols, input_shape, kernel_size, stride=1, padding=0) -> np.ndarray:
    """The adjoint of :func:`im2col` (``torch.nn.functional.fold``): every column entry is added back
    to the image position it was read from; positions covered by several fields get the sum, and
    the padding is cut off.

    Args:
        cols: shape (N, C * KH * KW, OH * OW).
        input_shape: ``(N, C, H, W)`` of the image that im2col read.
        kernel_size, stride, padding: as given to im2col.

    Returns:
        Array of shape ``input_shape``.
    """
    if len(tuple(input_shape)) != 4:
        raise ValueError(f"input_shape must be (N, C, H, W), got {tuple(input_shape)}")
    n, c, h, w = (int(s) for s in input_shape)
    kernel = as_pair(kernel_size, "kernel_size", minimum=1)
    stride = as_pair(stride, "stride", minimum=1)
    padding = as_pair(padding, "padding", minimum=0)
    out_h = conv_output_size(h, kernel[0], stride[0], padding[0])
    out_w = conv_output_size(w, kernel[1], stride[1], padding[1])
    cols = as_float_array(cols, "cols")
    check_shape(cols, "cols", (n, c * kernel[0] * kernel[1], out_h * out_w), "(N, C * KH * KW, OH * OW)")
    return _col2im(cols.reshape(n, c, kernel[0], kernel[1], out_h, out_w), (n, c, h, w), stride, padding)


def _col2im(cols6, input_shape, stride, padding):
    """Scatter-add ``cols6`` of shape (N, C, KH, KW, OH, OW) into an (N, C, H, W) image."""
    n, c, h, w = input_shape
    (sh, sw), (ph, pw) = stride, padding
    _, _, kh, kw, out_h, out_w = cols6.shape
    image = np.zeros((n, c, h + 2 * ph, w + 2 * pw))
    # one vectorized add per kernel offset (p, q): that offset of every field, all at once
    for p in range(kh):
        for q in range(kw):
            image[:, :, p:p + sh * out_h:sh, q:q + sw * out_w:sw] += cols6[:, :, p, q]
    return image[:, :, ph:ph + h, pw:pw + w]


def conv2d_forward(x, w, b, stride=1, padding=0):
    """Vectorized convolution (``torch.nn.functional.conv2d``): im2col, then one matrix product.

    ``out[n] = w.reshape(F, C * KH * KW) @ cols[n] + b`` with ``cols = im2col(x)``.

    Args:
        x: images, shape (N, C, H, W).
        w: filters, shape (F, C, KH, KW).
        b: biases, shape (F,).
        stride, padding: an int or a pair ``(height, width)``.

    Returns:
        out: shape (N, F, OH, OW).
        cache: for :func:`conv2d_backward`.
    """
    x, w, b, stride, padding, (out_h, out_w) = _check_conv_inputs(x, w, b, stride, padding)
    kernel = (w.shape[2], w.shape[3])
    cols = _im2col(_pad(x, padding), kernel, stride)          # (N, C*KH*KW, OH*OW)
    w_rows = w.reshape(w.shape[0], -1)                        # (F, C*KH*KW)
    out = w_rows @ cols                                       # (N, F, OH*OW): one product per image
    out += b[:, None]
    out = out.reshape(x.shape[0], w.shape[0], out_h, out_w)  # (N, F, OH, OW), no copy
    return out, (x.shape, w, cols, stride, padding, (out_h, out_w))


def conv2d_backward(dout, cache):
    """Backward pass of :func:`conv2d_forward`.

    With ``out[n] = W cols[n] + b`` (``W = w.reshape(F, -1)``, ``G[n] = dout[n].reshape(F, -1)``):
    ``db = sum_{n, i, j} dout[n, :, i, j]``, ``dW = sum_n G[n] cols[n]^T``, and
    ``dcols[n] = W^T G[n]``, which col2im adds back to the image positions: ``dx = col2im(dcols)``.

    Args:
        dout: upstream gradient, shape (N, F, OH, OW).
        cache: from :func:`conv2d_forward`.

    Returns:
        dx (N, C, H, W), dw (F, C, KH, KW), db (F,).
    """
    x_shape, w, cols, stride, padding, (out_h, out_w) = cache
    n, n_filters = x_shape[0], w.shape[0]
    dout = as_gradient(dout, "dout", (n, n_filters, out_h, out_w))
    grad_rows = dout.reshape(n, n_filters, out_h * out_w)     # (N, F, OH*OW)
    db = grad_rows.sum(axis=(0, 2))                           # (F,)
    # per-image products, summed over images: cheaper than one big product after a transpose-copy
    dw = (grad_rows @ cols.transpose(0, 2, 1)).sum(axis=0).reshape(w.shape)
    dcols = w.reshape(n_filters, -1).T @ grad_rows            # (N, C*KH*KW, OH*OW)
    c, kh, kw = w.shape[1:]
    dx = _col2im(dcols.reshape(n, c, kh, kw, out_h, out_w), x_shape, stride, padding)
    return dx, dw, db


def max_pool2d_forward(x, kernel_size, stride=None):
    """Max pooling (``torch.nn.functional.max_pool2d``, no padding): the largest entry of every
    ``KH x KW`` window, per channel.

    ``out[n, c, i, j] = max_{p, q} x[n, c, i * SH + p, j * SW + q]``; the depth C is kept, and
    ``OH = floor((H - KH) / SH) + 1`` (the notes' ``(H - F) / S + 1``).

    Args:
        x: shape (N, C, H, W).
        kernel_size: ``K`` or ``(KH, KW)``.
        stride: an int or a pair; defaults to ``kernel_size`` (non-overlapping windows), as in torch.

    Returns:
        out: shape (N, C, OH, OW).
        cache: for :func:`max_pool2d_backward` (where each max came from).
    """
    x = as_float_array(x, "x", dims="N, C, H, W")
    kernel = as_pair(kernel_size, "kernel_size", minimum=1)
    stride = kernel if stride is None else as_pair(stride, "stride", minimum=1)
    for axis in (0, 1):
        conv_output_size(x.shape[2 + axis], kernel[axis], stride[axis])  # validates sizes
    windows = _windows(x, kernel, stride)                     # (N, C, OH, OW, KH, KW), a view
    n, c, out_h, out_w, kh, kw = windows.shape
    flat = windows.reshape(n, c, out_h, out_w, kh * kw)       # one copy
    # argmax picks the first maximum of a window in row-major order (ties: as torch's CPU kernel)
    winner = np.argmax(flat, axis=-1)                         # (N, C, OH, OW)
    out = np.take_along_axis(flat, winner[..., None], axis=-1)[..., 0]
    return out, (x.shape, winner, kernel, stride)


def max_pool2d_backward(dout, cache):
    """Backward pass of :func:`max_pool2d_forward`: each window's gradient goes entirely to the
    entry that was its maximum (the max is locally the identity of that entry and constant in the
    others); with overlapping windows an entry collects the gradients of every window it won.

    Returns:
        dx, shape (N, C, H, W).
    """
    x_shape, winner, kernel, stride = cache
    dout = as_gradient(dout, "dout", winner.shape)
    n, c, out_h, out_w = winner.shape
    routed = np.zeros((n, c, out_h, out_w, kernel[0] * kernel[1]))
    np.put_along_axis(routed, winner[..., None], dout[..., None], axis=-1)
    # (N, C, OH, OW, KH, KW) -> (N, C, KH, KW, OH, OW), the layout col2im scatters back
    routed = routed.reshape(n, c, out_h, out_w, *kernel).transpose(0, 1, 4, 5, 2, 3)
    return _col2im(routed, x_shape, stride, (0, 0))

"""Convolution and max pooling against torch.nn.functional (float64): naive and vectorized
forward, im2col/col2im as unfold/fold, gradients, stride and padding."""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from dlcourse.scratch import conv
from dlcourse.scratch.gradcheck import gradient_check
from torch_oracle import assert_close_all, vjp

# (N, C, H, W), (F, KH, KW), stride, padding: square and rectangular, strided, padded, both
CASES = [
    ((1, 1, 5, 5), (1, 3, 3), 1, 0),
    ((2, 3, 7, 6), (4, 3, 3), 1, 1),
    ((3, 2, 8, 8), (5, 3, 3), 2, 1),
    ((2, 1, 9, 7), (3, 2, 4), (2, 1), (0, 2)),
    ((2, 4, 6, 6), (2, 1, 1), 1, 0),
    ((1, 2, 5, 5), (3, 5, 5), 3, 2),
]
IDS = [f"x{c[0]}-w{c[1]}-s{c[2]}-p{c[3]}".replace(" ", "") for c in CASES]


def _inputs(case, seed):
    (n, c, h, w), (f, kh, kw), stride, padding = case
    rng = np.random.default_rng(seed)
    return rng.normal(size=(n, c, h, w)), rng.normal(size=(f, c, kh, kw)), rng.normal(size=f), stride, padding


@pytest.mark.parametrize("case", CASES, ids=IDS)
@pytest.mark.parametrize("seed", range(2))
def test_conv2d_forward_naive_and_vectorized_match_torch(case, seed):
    x, w, b, stride, padding = _inputs(case, seed)
    expected = F.conv2d(torch.tensor(x), torch.tensor(w), torch.tensor(b), stride=stride, padding=padding).numpy()
    np.testing.assert_allclose(conv.conv2d_forward_naive(x, w, b, stride, padding), expected, rtol=1e-12, atol=1e-12)
    out, _ = conv.conv2d_forward(x, w, b, stride, padding)
    np.testing.assert_allclose(out, expected, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("case", CASES, ids=IDS)
@pytest.mark.parametrize("seed", range(2))
def test_conv2d_backward_matches_autograd(case, seed):
    x, w, b, stride, padding = _inputs(case, seed)
    out, cache = conv.conv2d_forward(x, w, b, stride, padding)
    dout = np.random.default_rng(seed + 10).normal(size=out.shape)
    _, expected = vjp(lambda x, w, b: F.conv2d(x, w, b, stride=stride, padding=padding), [x, w, b], dout)
    assert_close_all(conv.conv2d_backward(dout, cache), expected, ["dx", "dw", "db"], rtol=1e-11, atol=1e-11)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_im2col_and_col2im_are_unfold_and_fold(case):
    x, w, _, stride, padding = _inputs(case, 0)
    kernel = w.shape[2:]
    cols = conv.im2col(x, kernel, stride, padding)
    np.testing.assert_array_equal(cols, F.unfold(torch.tensor(x), kernel, padding=padding, stride=stride).numpy())
    cols = np.random.default_rng(1).normal(size=cols.shape)
    expected = F.fold(torch.tensor(cols), x.shape[2:], kernel, padding=padding, stride=stride).numpy()
    np.testing.assert_allclose(conv.col2im(cols, x.shape, kernel, stride, padding), expected, rtol=1e-13, atol=1e-13)


def test_col2im_is_the_adjoint_of_im2col():
    """<im2col(x), c> = <x, col2im(c)> for every x and c: the backward of a linear map is its transpose."""
    rng = np.random.default_rng(2)
    x = rng.normal(size=(2, 3, 7, 5))
    cols = rng.normal(size=conv.im2col(x, (3, 2), 2, 1).shape)
    assert np.sum(conv.im2col(x, (3, 2), 2, 1) * cols) == pytest.approx(np.sum(x * conv.col2im(cols, x.shape, (3, 2), 2, 1)), rel=1e-12)


def test_padding_adds_zeros_and_stride_skips_positions():
    x = np.arange(16.0).reshape(1, 1, 4, 4)
    w = np.ones((1, 1, 3, 3))
    padded, _ = conv.conv2d_forward(x, w, np.zeros(1), stride=1, padding=1)
    # the corner sees only the 2 x 2 block it touches; the rest of its window is padding zeros
    assert padded.shape == (1, 1, 4, 4) and padded[0, 0, 0, 0] == 0 + 1 + 4 + 5
    strided, _ = conv.conv2d_forward(x, w, np.zeros(1), stride=2, padding=1)
    np.testing.assert_array_equal(strided[0, 0], padded[0, 0, ::2, ::2])  # stride 2 keeps every other position


@pytest.mark.parametrize("size, kernel, stride, padding", [(8, 3, 1, 1), (8, 3, 2, 0), (7, 2, 2, 0), (28, 5, 1, 2), (5, 5, 3, 1)])
def test_conv_output_size_matches_torch(size, kernel, stride, padding):
    out = F.conv2d(torch.zeros(1, 1, size, size), torch.zeros(1, 1, kernel, kernel), stride=stride, padding=padding)
    assert conv.conv_output_size(size, kernel, stride, padding) == out.shape[-1]


@pytest.mark.parametrize("c, f, k, bias", [(1, 16, 3, True), (3, 8, (5, 3), True), (16, 32, 1, False)])
def test_conv2d_parameter_count_matches_torch(c, f, k, bias):
    layer = torch.nn.Conv2d(c, f, k, bias=bias)
    assert conv.conv2d_parameter_count(c, f, k, bias) == sum(p.numel() for p in layer.parameters())


POOL_CASES = [((2, 3, 8, 8), 2, None), ((1, 2, 7, 9), (3, 2), (2, 3)), ((2, 1, 6, 6), 3, 1), ((3, 2, 5, 5), 2, 1)]


@pytest.mark.parametrize("shape, kernel, stride", POOL_CASES)
@pytest.mark.parametrize("seed", range(2))
def test_max_pool2d_matches_torch(shape, kernel, stride, seed):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=shape)
    out, cache = conv.max_pool2d_forward(x, kernel, stride)
    dout = rng.normal(size=out.shape)
    expected_out, (expected_dx,) = vjp(lambda t: F.max_pool2d(t, kernel, stride), [x], dout)
    np.testing.assert_array_equal(out, expected_out)
    np.testing.assert_allclose(conv.max_pool2d_backward(dout, cache), expected_dx, rtol=1e-13, atol=1e-15)


def test_max_pool2d_routes_ties_like_torch():
    x = np.zeros((1, 1, 4, 4))
    out, cache = conv.max_pool2d_forward(x, 2)
    _, (expected_dx,) = vjp(lambda t: F.max_pool2d(t, 2), [x], np.ones(out.shape))
    np.testing.assert_array_equal(conv.max_pool2d_backward(np.ones(out.shape), cache), expected_dx)


@pytest.mark.parametrize("x_shape, w_shape, stride, padding", [((2, 2, 5, 5), (3, 2, 3, 3), 2, 1), ((1, 3, 4, 6), (2, 3, 2, 3), 1, 0)])
def test_gradient_check_agrees_with_conv_and_pool_backward(x_shape, w_shape, stride, padding):
    rng = np.random.default_rng(3)
    x, w, b = rng.normal(size=x_shape), rng.normal(size=w_shape), rng.normal(size=w_shape[0])
    out, cache = conv.conv2d_forward(x, w, b, stride, padding)
    dout = rng.normal(size=out.shape)
    for value, grad in zip((x, w, b), conv.conv2d_backward(dout, cache)):
        assert gradient_check(lambda _: conv.conv2d_forward(x, w, b, stride, padding)[0], value, grad, dout=dout) < 1e-7
    out, cache = conv.max_pool2d_forward(x, 2, 1)
    dout = rng.normal(size=out.shape)
    grad = conv.max_pool2d_backward(dout, cache)
    assert gradient_check(lambda _: conv.max_pool2d_forward(x, 2, 1)[0], x, grad, dout=dout) < 1e-7


@pytest.mark.parametrize("call, error, message", [
    (lambda: conv.conv2d_forward(np.ones((3, 8, 8)), np.ones((2, 3, 3, 3)), np.ones(2)), ValueError,
     r"x must have shape \(N, C, H, W\), got shape \(3, 8, 8\)"),
    (lambda: conv.conv2d_forward(np.ones((1, 3, 8, 8)), np.ones((2, 1, 3, 3)), np.ones(2)), ValueError,
     r"w must have shape \(F, C, KH, KW\) with C = 3"),
    (lambda: conv.conv2d_forward(np.ones((1, 1, 8, 8)), np.ones((2, 1, 3, 3)), np.ones(3)), ValueError, r"b must have shape \(2,\)"),
    (lambda: conv.conv2d_forward(np.ones((1, 1, 2, 2)), np.ones((1, 1, 3, 3)), np.ones(1)), ValueError, "larger than the padded input"),
    (lambda: conv.conv2d_forward(np.ones((1, 1, 8, 8)), np.ones((1, 1, 3, 3)), np.ones(1), stride=0), ValueError,
     "stride must be at least 1"),
    (lambda: conv.conv2d_forward(np.ones((1, 1, 8, 8)), np.ones((1, 1, 3, 3)), np.ones(1), padding=1.5), TypeError,
     "padding must be an integer or a pair"),
    (lambda: conv.max_pool2d_forward(np.ones((4, 4)), 2), ValueError, r"x must have shape \(N, C, H, W\), got shape \(4, 4\)"),
    (lambda: conv.col2im(np.ones((1, 9, 5)), (1, 1, 4, 4), 3), ValueError, r"cols must have shape \(1, 9, 4\)"),
])
def test_conv_names_what_it_expected(call, error, message):
    with pytest.raises(error, match=message):
        call()

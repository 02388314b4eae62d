"""Forward and backward of every layer in layers.py against PyTorch autograd (float64) and the
gradient checker."""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from dlcourse.scratch import layers
from dlcourse.scratch.gradcheck import gradient_check
from torch_oracle import assert_close_all, vjp

SEEDS = range(3)
SHAPES = [(1, 1, 1), (4, 3, 5), (16, 8, 2)]  # (N, D, M)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("n, d, m", SHAPES)
def test_linear_matches_autograd(seed, n, d, m):
    rng = np.random.default_rng(seed)
    x, w, b, dout = rng.normal(size=(n, d)), rng.normal(size=(d, m)), rng.normal(size=m), rng.normal(size=(n, m))
    out, cache = layers.linear_forward(x, w, b)
    # torch.nn.functional.linear stores the weight as (M, D): w is its transpose
    expected_out, expected_grads = vjp(lambda x, wt, b: F.linear(x, wt, b), [x, w.T, b], dout)
    np.testing.assert_allclose(out, expected_out, rtol=1e-13)
    dx, dw, db = layers.linear_backward(dout, cache)
    assert_close_all([dx, dw.T, db], expected_grads, ["dx", "dw", "db"])


ACTIVATIONS = [
    ("relu", layers.relu_forward, layers.relu_backward, torch.relu),
    ("leaky_relu", lambda x: layers.leaky_relu_forward(x, 0.1), layers.leaky_relu_backward,
     lambda t: F.leaky_relu(t, 0.1)),
    ("tanh", layers.tanh_forward, layers.tanh_backward, torch.tanh),
    ("logistic", layers.logistic_forward, layers.logistic_backward, torch.sigmoid),
]


@pytest.mark.parametrize("name, forward, backward, torch_fn", ACTIVATIONS, ids=[a[0] for a in ACTIVATIONS])
@pytest.mark.parametrize("shape", [(5,), (4, 6), (2, 3, 4)])
def test_activation_layers_match_autograd(name, forward, backward, torch_fn, shape):
    rng = np.random.default_rng(len(shape))
    x, dout = rng.normal(0, 2, shape), rng.normal(size=shape)
    out, cache = forward(x)
    expected_out, (expected_dx,) = vjp(torch_fn, [x], dout)
    np.testing.assert_allclose(out, expected_out, rtol=1e-14)
    np.testing.assert_allclose(backward(dout, cache), expected_dx, rtol=1e-13, atol=1e-15)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("n, k", [(1, 2), (6, 3), (32, 10)])
def test_softmax_cross_entropy_matches_autograd(seed, n, k):
    rng = np.random.default_rng(seed)
    logits, labels = rng.normal(0, 3, (n, k)), rng.integers(0, k, n)
    loss, dlogits = layers.softmax_cross_entropy(logits, labels)
    expected_loss, (expected_dlogits,) = vjp(lambda z: F.cross_entropy(z, torch.tensor(labels)), [logits])
    assert loss == pytest.approx(float(expected_loss), rel=1e-13)
    np.testing.assert_allclose(dlogits, expected_dlogits, rtol=1e-12, atol=1e-15)


def test_softmax_cross_entropy_is_stable_for_huge_logits():
    logits, labels = np.array([[1000.0, -1000.0, 0.0], [0.0, 1000.0, -1000.0]]), np.array([1, 1])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        loss, dlogits = layers.softmax_cross_entropy(logits, labels)
    expected_loss, (expected_dlogits,) = vjp(lambda z: F.cross_entropy(z, torch.tensor(labels)), [logits])
    assert loss == pytest.approx(float(expected_loss), rel=1e-15)
    np.testing.assert_allclose(dlogits, expected_dlogits, atol=1e-15)


@pytest.mark.parametrize("shape", [(7,), (3, 4)])
def test_sigmoid_binary_cross_entropy_matches_autograd(shape):
    rng = np.random.default_rng(7)
    logits, targets = rng.normal(0, 5, shape), rng.uniform(size=shape)
    logits.flat[0] = 1000.0  # stays finite
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        loss, dlogits = layers.sigmoid_binary_cross_entropy(logits, targets)
    expected_loss, (expected_dlogits,) = vjp(
        lambda z: F.binary_cross_entropy_with_logits(z, torch.tensor(targets)), [logits]
    )
    assert loss == pytest.approx(float(expected_loss), rel=1e-13)
    np.testing.assert_allclose(dlogits, expected_dlogits, rtol=1e-12, atol=1e-16)


def _residual_params(rng, d, h):
    return rng.normal(size=(d, h)) / np.sqrt(d), rng.normal(size=h), rng.normal(size=(h, d)) / np.sqrt(h), rng.normal(size=d)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("n, d, h", [(1, 1, 1), (5, 4, 6), (8, 3, 2)])
def test_residual_block_matches_autograd(seed, n, d, h):
    rng = np.random.default_rng(seed)
    x, dout = rng.normal(size=(n, d)), rng.normal(size=(n, d))
    params = _residual_params(rng, d, h)
    out, cache = layers.residual_forward(x, *params)

    def torch_block(x, w1, b1, w2, b2):
        return x + torch.relu(x @ w1 + b1) @ w2 + b2

    expected_out, expected_grads = vjp(torch_block, [x, *params], dout)
    np.testing.assert_allclose(out, expected_out, rtol=1e-12, atol=1e-14)
    assert_close_all(layers.residual_backward(dout, cache), expected_grads, ["dx", "dw1", "db1", "dw2", "db2"])


def test_residual_gradient_survives_a_dead_branch():
    """With every ReLU of F dead, F's gradient is zero and dx = dout exactly: the "+1" path."""
    rng = np.random.default_rng(0)
    x, dout = rng.normal(size=(4, 3)), rng.normal(size=(4, 3))
    w1, b1, w2, b2 = _residual_params(rng, 3, 5)
    out, cache = layers.residual_forward(x, w1, np.full(5, -100.0), w2, b2)
    dx, dw1, db1, dw2, db2 = layers.residual_backward(dout, cache)
    np.testing.assert_array_equal(dx, dout)
    assert not dw1.any() and not db1.any() and not dw2.any()


@pytest.mark.parametrize("seed", range(2))
@pytest.mark.parametrize("n, d, m", [(3, 4, 2), (1, 2, 5)])
def test_gradient_check_agrees_with_every_layer(seed, n, d, m):
    rng = np.random.default_rng(seed)
    x, w, b = rng.normal(size=(n, d)), rng.normal(size=(d, m)), rng.normal(size=m)
    dout = rng.normal(size=(n, m))
    _, cache = layers.linear_forward(x, w, b)
    for value, grad in zip((x, w, b), layers.linear_backward(dout, cache)):
        assert gradient_check(lambda _: layers.linear_forward(x, w, b)[0], value, grad, dout=dout) < 1e-7

    z = rng.normal(size=(n, d))
    z[np.abs(z) < 1e-3] = 0.5  # keep finite differences away from the ReLU kink
    dz = rng.normal(size=z.shape)
    for name, forward, backward, _ in ACTIVATIONS:
        _, cache = forward(z)
        error = gradient_check(lambda _: forward(z)[0], z, backward(dz, cache), dout=dz)
        assert error < 1e-7, name

    logits, labels = rng.normal(size=(n + 2, m + 1)), rng.integers(0, m + 1, n + 2)
    _, dlogits = layers.softmax_cross_entropy(logits, labels)
    assert gradient_check(lambda _: layers.softmax_cross_entropy(logits, labels)[0], logits, dlogits) < 1e-7
    targets = rng.uniform(size=n + 2)
    _, dlogits = layers.sigmoid_binary_cross_entropy(logits[:, 0].copy(), targets)
    z0 = logits[:, 0].copy()
    assert gradient_check(lambda _: layers.sigmoid_binary_cross_entropy(z0, targets)[0], z0, dlogits) < 1e-7

    x = rng.normal(size=(n, d))
    params = _residual_params(rng, d, m + 1)
    dout = rng.normal(size=(n, d))
    _, cache = layers.residual_forward(x, *params)
    grads = layers.residual_backward(dout, cache)
    for value, grad in zip((x, *params), grads):
        assert gradient_check(lambda _: layers.residual_forward(x, *params)[0], value, grad, dout=dout) < 1e-6


@pytest.mark.parametrize("call, error, message", [
    (lambda: layers.linear_forward(np.ones(3), np.ones((3, 2)), np.ones(2)), ValueError, r"x must have shape \(N, D\), got shape \(3,\)"),
    (lambda: layers.linear_forward(np.ones((2, 3)), np.ones((4, 2)), np.ones(2)), ValueError, r"w must have shape \(D, M\) = \(3, M\)"),
    (lambda: layers.linear_forward(np.ones((2, 3)), np.ones((3, 2)), np.ones(3)), ValueError, r"b must have shape \(2,\)"),
    (lambda: layers.linear_backward(np.ones((2, 3)), layers.linear_forward(np.ones((2, 3)), np.ones((3, 2)), np.ones(2))[1]),
     ValueError, r"dout must have shape \(2, 2\) \(the shape of the forward output\)"),
    (lambda: layers.relu_backward(np.ones(4), layers.relu_forward(np.ones(3))[1]), ValueError, r"dout must have shape \(3,\)"),
    (lambda: layers.softmax_cross_entropy(np.ones((2, 3)), np.array([0, 1, 2])), ValueError, r"labels must have shape \(2,\)"),
    (lambda: layers.residual_forward(np.ones((2, 3)), np.ones((3, 4)), np.ones(4), np.ones((4, 5)), np.ones(5)),
     ValueError, r"w2 must have shape \(H, D\) with D = 3"),
    (lambda: layers.linear_forward(np.ones((2, 3)), "weights", np.ones(2)), TypeError, "w must be numeric"),
    (lambda: layers.linear_forward(np.ones((2, 3)) * 1j, np.ones((3, 2)), np.ones(2)), TypeError, "x must hold real numbers"),
])
def test_layers_name_what_they_expected(call, error, message):
    with pytest.raises(error, match=message):
        call()

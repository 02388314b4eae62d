"""Batch norm and layer norm against torch.nn.functional (float64): outputs, gradients, running
statistics, and the train/eval difference."""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from dlcourse.scratch.gradcheck import gradient_check
from dlcourse.scratch.normalization import (
    batch_norm_backward,
    batch_norm_forward,
    layer_norm_backward,
    layer_norm_forward,
)
from torch_oracle import assert_close_all, vjp

BATCH_SHAPES = [(2, 1), (8, 5), (4, 3, 6), (3, 2, 4, 5)]


def _params(rng, channels):
    return rng.normal(1, 0.5, channels), rng.normal(0, 0.5, channels)


@pytest.mark.parametrize("shape", BATCH_SHAPES)
@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("momentum", [0.1, 0.5])
def test_batch_norm_training_matches_torch_and_updates_running_stats(shape, seed, momentum):
    rng = np.random.default_rng(seed)
    channels = shape[1]
    gamma, beta = _params(rng, channels)
    running_mean, running_var = np.zeros(channels), np.ones(channels)
    torch_mean, torch_var = torch.zeros(channels, dtype=torch.float64), torch.ones(channels, dtype=torch.float64)
    for step in range(3):  # the running statistics accumulate over several batches
        x, dout = rng.normal(2, 3, shape), rng.normal(size=shape)
        out, cache = batch_norm_forward(x, gamma, beta, running_mean, running_var, training=True, momentum=momentum)
        expected_out, expected_grads = vjp(
            lambda x, g, b: F.batch_norm(x, torch_mean, torch_var, g, b, training=True, momentum=momentum, eps=1e-5),
            [x, gamma, beta], dout,
        )
        np.testing.assert_allclose(out, expected_out, rtol=1e-12, atol=1e-12)
        assert_close_all(batch_norm_backward(dout, cache), expected_grads, ["dx", "dgamma", "dbeta"], atol=1e-11)
        np.testing.assert_allclose(running_mean, torch_mean.numpy(), rtol=1e-13)
        np.testing.assert_allclose(running_var, torch_var.numpy(), rtol=1e-13)


@pytest.mark.parametrize("shape", BATCH_SHAPES)
def test_batch_norm_evaluation_uses_running_stats_and_matches_torch(shape):
    rng = np.random.default_rng(1)
    channels = shape[1]
    gamma, beta = _params(rng, channels)
    running_mean, running_var = rng.normal(size=channels), rng.uniform(0.5, 2, channels)
    before = running_mean.copy(), running_var.copy()
    x, dout = rng.normal(size=shape), rng.normal(size=shape)
    out, cache = batch_norm_forward(x, gamma, beta, running_mean, running_var, training=False)
    expected_out, expected_grads = vjp(
        lambda x, g, b: F.batch_norm(x, torch.tensor(before[0]), torch.tensor(before[1]), g, b, training=False),
        [x, gamma, beta], dout,
    )
    np.testing.assert_allclose(out, expected_out, rtol=1e-13, atol=1e-13)
    assert_close_all(batch_norm_backward(dout, cache), expected_grads, ["dx", "dgamma", "dbeta"])
    np.testing.assert_array_equal(running_mean, before[0])  # evaluation never updates them
    np.testing.assert_array_equal(running_var, before[1])


def test_batch_norm_train_and_eval_differ_the_way_they_should():
    rng = np.random.default_rng(2)
    x = rng.normal(5, 2, (64, 3))
    gamma, beta = np.ones(3), np.zeros(3)
    running_mean, running_var = np.zeros(3), np.ones(3)
    train_out, _ = batch_norm_forward(x, gamma, beta, running_mean, running_var, training=True)
    # training: each column standardized by its own batch statistics
    np.testing.assert_allclose(train_out.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(train_out.std(axis=0), 1, rtol=1e-5)
    # one example's training output depends on its batch; its evaluation output does not
    alone, _ = batch_norm_forward(x[:2], gamma, beta, None, None, training=True)
    assert not np.allclose(alone[0], train_out[0])
    eval_out, _ = batch_norm_forward(x, gamma, beta, running_mean, running_var, training=False)
    eval_first, _ = batch_norm_forward(x[:1], gamma, beta, running_mean, running_var, training=False)
    np.testing.assert_array_equal(eval_first[0], eval_out[0])
    # after one step with momentum 0.1 the running stats moved 10% of the way to the batch's
    np.testing.assert_allclose(running_mean, 0.1 * x.mean(axis=0), rtol=1e-13)
    np.testing.assert_allclose(running_var, 0.9 + 0.1 * x.var(axis=0, ddof=1), rtol=1e-13)


def test_batch_norm_module_in_eval_mode_agrees_after_training_steps():
    """The same protocol as torch.nn.BatchNorm2d: a few train() steps, then eval()."""
    rng = np.random.default_rng(3)
    module = torch.nn.BatchNorm2d(4, momentum=0.2, dtype=torch.float64)
    gamma, beta = _params(rng, 4)
    with torch.no_grad():
        module.weight.copy_(torch.tensor(gamma))
        module.bias.copy_(torch.tensor(beta))
    running_mean, running_var = np.zeros(4), np.ones(4)
    module.train()
    for _ in range(5):
        x = rng.normal(1, 2, (6, 4, 3, 3))
        module(torch.tensor(x))
        batch_norm_forward(x, gamma, beta, running_mean, running_var, training=True, momentum=0.2)
    module.eval()
    x = rng.normal(size=(2, 4, 3, 3))
    out, _ = batch_norm_forward(x, gamma, beta, running_mean, running_var, training=False)
    np.testing.assert_allclose(out, module(torch.tensor(x)).detach().numpy(), rtol=1e-12, atol=1e-13)


@pytest.mark.parametrize("shape", [(1, 4), (6, 5), (2, 3, 8)])
@pytest.mark.parametrize("seed", range(3))
def test_layer_norm_matches_torch(shape, seed):
    rng = np.random.default_rng(seed)
    features = shape[-1]
    gamma, beta = _params(rng, features)
    x, dout = rng.normal(1, 3, shape), rng.normal(size=shape)
    out, cache = layer_norm_forward(x, gamma, beta)
    expected_out, expected_grads = vjp(lambda x, g, b: F.layer_norm(x, (features,), g, b, eps=1e-5), [x, gamma, beta], dout)
    np.testing.assert_allclose(out, expected_out, rtol=1e-12, atol=1e-12)
    assert_close_all(layer_norm_backward(dout, cache), expected_grads, ["dx", "dgamma", "dbeta"], atol=1e-11)


def test_layer_norm_is_the_same_in_train_and_eval_mode():
    rng = np.random.default_rng(4)
    module = torch.nn.LayerNorm(6, dtype=torch.float64)
    x = rng.normal(size=(3, 6))
    out, _ = layer_norm_forward(x, np.ones(6), np.zeros(6))
    for mode in (module.train, module.eval):
        mode()
        np.testing.assert_allclose(out, module(torch.tensor(x)).detach().numpy(), rtol=1e-12, atol=1e-13)
    single, _ = layer_norm_forward(x[:1], np.ones(6), np.zeros(6))  # per example: the batch does not matter
    np.testing.assert_array_equal(single[0], out[0])


def test_gradient_check_agrees_with_both_backwards():
    rng = np.random.default_rng(5)
    x, dout = rng.normal(size=(4, 3)), rng.normal(size=(4, 3))
    gamma, beta = _params(rng, 3)
    for training in (True, False):
        stats = (np.zeros(3), np.ones(3)) if not training else (None, None)
        _, cache = batch_norm_forward(x, gamma, beta, *stats, training=training)
        grads = batch_norm_backward(dout, cache)
        for value, grad in zip((x, gamma, beta), grads):
            f = lambda _: batch_norm_forward(x, gamma, beta, *stats, training=training)[0]  # noqa: E731
            assert gradient_check(f, value, grad, dout=dout) < 1e-6
    _, cache = layer_norm_forward(x, gamma, beta)
    for value, grad in zip((x, gamma, beta), layer_norm_backward(dout, cache)):
        assert gradient_check(lambda _: layer_norm_forward(x, gamma, beta)[0], value, grad, dout=dout) < 1e-6


@pytest.mark.parametrize("call, error, message", [
    (lambda: batch_norm_forward(np.ones(5), np.ones(5), np.zeros(5), training=True), ValueError, r"x must have shape \(N, C\)"),
    (lambda: batch_norm_forward(np.ones((4, 3)), np.ones(2), np.zeros(3), training=True), ValueError, r"gamma must have shape \(3,\)"),
    (lambda: batch_norm_forward(np.ones((4, 3)), np.ones(3), np.zeros(3), training=False), ValueError, "running_mean is needed in evaluation"),
    (lambda: batch_norm_forward(np.ones((4, 3)), np.ones(3), np.zeros(3), [0.0] * 3, np.ones(3), training=True),
     TypeError, "running_mean must be a float64 NumPy array"),
    (lambda: batch_norm_forward(np.ones((1, 3)), np.ones(3), np.zeros(3), training=True), ValueError, "more than 1 value per channel"),
    (lambda: batch_norm_forward(np.ones((4, 3)), np.ones(3), np.zeros(3), training=True, momentum=1.5), ValueError, r"momentum must be a probability in \[0, 1\]"),
    (lambda: layer_norm_forward(np.ones((2, 4)), np.ones(3), np.zeros(4)), ValueError, r"gamma must have shape \(4,\)"),
    (lambda: layer_norm_forward(np.ones((2, 4)), np.ones(4), np.zeros(4), eps=0.0), ValueError, "eps must be a positive number"),
])
def test_normalization_names_what_it_expected(call, error, message):
    with pytest.raises(error, match=message):
        call()

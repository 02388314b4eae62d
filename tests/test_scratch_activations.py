"""Activations, their derivatives and the softmax family agree with PyTorch (float64), and stay
finite for huge inputs."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from dlcourse.scratch import activations as act
from torch_oracle import vjp

SHAPES = [(7,), (3, 5), (2, 3, 4)]
STRICT = dict(over="raise", invalid="raise", divide="raise")  # underflow to 0 is harmless


def _autograd_derivative(torch_fn, z):
    """d torch_fn(z) / dz elementwise, by autograd (the function acts elementwise)."""
    return vjp(torch_fn, [z], np.ones_like(z))[1][0]


ELEMENTWISE = [
    ("logistic", act.logistic, act.logistic_derivative, torch.sigmoid),
    ("tanh", act.tanh, act.tanh_derivative, torch.tanh),
    ("relu", act.relu, act.relu_derivative, torch.relu),
    ("leaky_relu", act.leaky_relu, act.leaky_relu_derivative, torch.nn.functional.leaky_relu),
]


@pytest.mark.parametrize("name, fn, derivative, torch_fn", ELEMENTWISE, ids=[e[0] for e in ELEMENTWISE])
@pytest.mark.parametrize("shape", SHAPES)
def test_activation_and_derivative_match_autograd(name, fn, derivative, torch_fn, shape):
    rng = np.random.default_rng(len(shape))
    z = rng.normal(0, 3, shape)
    z.flat[0] = 0.0  # the kink of the ReLUs: torch's choice of derivative there is the reference
    np.testing.assert_allclose(fn(z), torch_fn(torch.tensor(z)).numpy(), rtol=1e-14, atol=1e-15)
    np.testing.assert_allclose(derivative(z), _autograd_derivative(torch_fn, z), rtol=1e-13, atol=1e-15)


@pytest.mark.parametrize("slope", [0.0, 0.01, 0.2, 1.0])
def test_leaky_relu_slope_matches_torch(slope):
    z = np.linspace(-3, 3, 13)
    torch_fn = lambda t: torch.nn.functional.leaky_relu(t, negative_slope=slope)  # noqa: E731
    np.testing.assert_allclose(act.leaky_relu(z, slope), torch_fn(torch.tensor(z)).numpy(), rtol=1e-15)
    np.testing.assert_allclose(act.leaky_relu_derivative(z, slope), _autograd_derivative(torch_fn, z), rtol=1e-15)


def test_derivatives_are_stable_for_huge_inputs():
    z = np.array([-1000.0, -50.0, 0.0, 50.0, 1000.0])
    with np.errstate(**STRICT):
        for name, fn, derivative, torch_fn in ELEMENTWISE:
            np.testing.assert_allclose(fn(z), torch_fn(torch.tensor(z)).numpy(), rtol=1e-14, err_msg=name)
            np.testing.assert_allclose(derivative(z), _autograd_derivative(torch_fn, z), rtol=1e-13, atol=1e-300, err_msg=name)


@pytest.mark.parametrize("name, fn, derivative, torch_fn", ELEMENTWISE, ids=[e[0] for e in ELEMENTWISE])
def test_activation_and_derivative_by_name(name, fn, derivative, torch_fn):
    z = np.array([[-3, 0, 2], [1000, -1000, 0]])  # integers, the kink, huge values
    slope = 0.2
    torch_call = (lambda t: torch_fn(t, slope)) if name == "leaky_relu" else torch_fn
    with np.errstate(**STRICT):
        values, derivatives = act.activation_and_derivative(z, name, slope)
    assert values.dtype == derivatives.dtype == np.float64 and values.shape == derivatives.shape == z.shape
    z_float = z.astype(float)
    np.testing.assert_allclose(values, torch_call(torch.tensor(z_float)).numpy(), rtol=1e-14, atol=1e-300)
    np.testing.assert_allclose(derivatives, _autograd_derivative(torch_call, z_float), rtol=1e-13, atol=1e-300)


def test_activation_and_derivative_rejects_an_unknown_name():
    with pytest.raises(ValueError, match="softplus"):
        act.activation_and_derivative(np.zeros(3), "softplus")


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("seed", range(3))
def test_softmax_family_matches_torch_on_every_axis(shape, seed):
    rng = np.random.default_rng(seed)
    x = rng.normal(0, 5, shape)
    t = torch.tensor(x)
    for axis in range(-len(shape), len(shape)):
        np.testing.assert_allclose(act.softmax(x, axis), torch.softmax(t, axis).numpy(), rtol=1e-13, atol=1e-300)
        np.testing.assert_allclose(act.log_softmax(x, axis), torch.log_softmax(t, axis).numpy(), rtol=1e-13, atol=1e-13)
        np.testing.assert_allclose(act.log_sum_exp(x, axis), torch.logsumexp(t, axis).numpy(), rtol=1e-13)
        np.testing.assert_allclose(
            act.log_sum_exp(x, axis, keepdims=True), torch.logsumexp(t, axis, keepdim=True).numpy(), rtol=1e-13
        )


def test_softmax_family_is_stable_for_huge_logits():
    x = np.array([[1000.0, 0.0, -1000.0], [-1000.0, -1000.0, -1000.0], [1e308, 1e308, 0.0]])
    t = torch.tensor(x)
    with np.errstate(**STRICT):
        probs = act.softmax(x)
        log_probs = act.log_softmax(x)
        lse = act.log_sum_exp(x)
    assert np.all(np.isfinite(probs)) and np.all(np.isfinite(log_probs)) and np.all(np.isfinite(lse))
    np.testing.assert_allclose(probs, torch.softmax(t, -1).numpy(), rtol=1e-15, atol=0)
    np.testing.assert_allclose(log_probs, torch.log_softmax(t, -1).numpy(), rtol=1e-15)
    np.testing.assert_allclose(lse, torch.logsumexp(t, -1).numpy(), rtol=1e-15)
    np.testing.assert_allclose(probs[0], [1.0, 0.0, 0.0])
    assert log_probs[0, 2] == -2000.0  # log(softmax) would have given -inf here


def test_log_sum_exp_of_an_all_minus_inf_slice_is_minus_inf():
    x = np.array([[-np.inf, -np.inf], [0.0, -np.inf]])
    with np.errstate(**STRICT):
        lse = act.log_sum_exp(x)
        probs = act.softmax(x[1:])
    np.testing.assert_array_equal(lse, torch.logsumexp(torch.tensor(x), -1).numpy())
    np.testing.assert_array_equal(probs, [[1.0, 0.0]])
    assert act.logsumexp is act.log_sum_exp


def test_softmax_rejects_bad_axis_and_input():
    with pytest.raises(ValueError, match=r"axis must be an integer in \[-2, 1\]"):
        act.softmax(np.ones((2, 3)), axis=2)
    with pytest.raises(ValueError, match="at least one axis"):
        act.log_sum_exp(3.0)
    with pytest.raises(TypeError, match="x must be numeric"):
        act.log_softmax("logits")
    with pytest.raises(TypeError, match="x must hold real numbers"):
        act.softmax(np.array([1j, 0.0]))
    with pytest.raises(ValueError, match="negative_slope must be a non-negative number"):
        act.leaky_relu(np.ones(3), -0.1)

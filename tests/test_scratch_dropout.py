"""Inverted dropout: the same scaling and drop probability as torch, identity in evaluation,
reproducible under a seed, and a backward that uses the forward's mask."""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from scipy import stats

from dlcourse.scratch.dropout import dropout_backward, dropout_forward
from dlcourse.scratch.gradcheck import gradient_check


@pytest.mark.parametrize("p", [0.1, 0.5, 0.8])
def test_training_scales_kept_units_like_torch(p):
    rng = np.random.default_rng(0)
    torch.manual_seed(0)
    x = rng.uniform(0.5, 2, (200, 50))  # nonzero everywhere, so a zero output means dropped
    out, cache = dropout_forward(x, p, training=True, rng=rng)
    torch_out = F.dropout(torch.tensor(x), p, training=True).numpy()
    kept, torch_kept = out != 0, torch_out != 0
    # kept units are scaled by 1 / (1 - p), exactly as torch scales its kept units
    np.testing.assert_allclose(out[kept] / x[kept], 1 / (1 - p), rtol=1e-15)
    np.testing.assert_allclose(torch_out[torch_kept] / x[torch_kept], 1 / (1 - p), rtol=1e-7)
    # p is the probability to drop (not to keep): both drop fractions agree with Binomial(n, p)
    n = x.size
    for dropped in (np.sum(~kept), np.sum(~torch_kept)):
        assert stats.binomtest(int(dropped), n, p).pvalue > 1e-4
    # the backward passes the gradient through the same units with the same scale
    dout = rng.normal(size=x.shape)
    np.testing.assert_allclose(dropout_backward(dout, cache), dout * out / x, rtol=1e-14)


def test_torch_backward_uses_the_same_rule():
    """The oracle for the backward rule: torch's gradient is dout times the forward's scaled mask."""
    torch.manual_seed(1)
    x = torch.rand(50, 40, dtype=torch.float64) + 0.5
    x.requires_grad_(True)
    out = F.dropout(x, 0.3, training=True)
    dout = torch.randn_like(out)
    out.backward(dout)
    np.testing.assert_allclose(x.grad.numpy(), (dout * out / x).detach().numpy(), rtol=1e-12)

    rng = np.random.default_rng(1)
    xn = x.detach().numpy()
    out_n, cache = dropout_forward(xn, 0.3, training=True, rng=rng)
    np.testing.assert_allclose(dropout_backward(dout.numpy(), cache), dout.numpy() * out_n / xn, rtol=1e-14)


def test_expectation_is_preserved():
    rng = np.random.default_rng(2)
    x = np.linspace(-2, 2, 10)
    samples = np.stack([dropout_forward(x, 0.5, training=True, rng=rng)[0] for _ in range(4000)])
    standard_error = np.abs(x) / np.sqrt(len(samples))  # the std of x * Bernoulli(1/2) * 2 is |x|
    assert np.all(np.abs(samples.mean(axis=0) - x) < 5 * standard_error + 1e-12)


def test_evaluation_is_the_identity_like_torch():
    x = np.random.default_rng(3).normal(size=(4, 5))
    out, cache = dropout_forward(x, 0.7, training=False)
    np.testing.assert_array_equal(out, F.dropout(torch.tensor(x), 0.7, training=False).numpy())
    np.testing.assert_array_equal(out, x)
    dout = np.ones_like(x)
    np.testing.assert_array_equal(dropout_backward(dout, cache), dout)
    out[0, 0] = 99.0
    assert x[0, 0] != 99.0  # a copy, not the input itself


def test_extreme_probabilities_match_torch():
    x = np.random.default_rng(4).normal(size=(3, 4))
    zero, _ = dropout_forward(x, 1.0, training=True, rng=np.random.default_rng(0))
    np.testing.assert_array_equal(zero, F.dropout(torch.tensor(x), 1.0, training=True).numpy())
    same, _ = dropout_forward(x, 0.0, training=True, rng=np.random.default_rng(0))
    np.testing.assert_array_equal(same, x)


def test_mask_is_reproducible_under_a_seed():
    x = np.ones((6, 7))
    first = dropout_forward(x, 0.5, training=True, rng=np.random.default_rng(42))[0]
    again = dropout_forward(x, 0.5, training=True, rng=np.random.default_rng(42))[0]
    other = dropout_forward(x, 0.5, training=True, rng=np.random.default_rng(43))[0]
    np.testing.assert_array_equal(first, again)
    assert not np.array_equal(first, other)


def test_gradient_check_agrees_with_backward():
    rng = np.random.default_rng(5)
    x, dout = rng.normal(size=(4, 6)), rng.normal(size=(4, 6))
    _, cache = dropout_forward(x, 0.4, training=True, rng=np.random.default_rng(9))
    forward = lambda _: dropout_forward(x, 0.4, training=True, rng=np.random.default_rng(9))[0]  # noqa: E731
    assert gradient_check(forward, x, dropout_backward(dout, cache), dout=dout) < 1e-8


@pytest.mark.parametrize("call, error, message", [
    (lambda: dropout_forward(np.ones(3), 1.5, training=True, rng=np.random.default_rng(0)), ValueError,
     r"p must be a probability in \[0, 1\], got 1.5"),
    (lambda: dropout_forward(np.ones(3), -0.1, training=False), ValueError, r"p must be a probability in \[0, 1\]"),
    (lambda: dropout_forward(np.ones(3), 0.5, training=True), TypeError, "rng is needed in training"),
    (lambda: dropout_forward(np.ones(3), 0.5, training=True, rng=np.random), TypeError, "numpy.random.Generator"),
    (lambda: dropout_backward(np.ones(4), dropout_forward(np.ones(3), 0.5, training=True, rng=np.random.default_rng(0))[1]),
     ValueError, r"dout must have shape \(3,\)"),
])
def test_dropout_names_what_it_expected(call, error, message):
    with pytest.raises(error, match=message):
        call()

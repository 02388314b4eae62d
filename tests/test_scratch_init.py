"""Initializations follow torch.nn.init: the same fans, gains, bounds and distributions."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from scipy import stats

from dlcourse.scratch import init

# our shape, and the torch tensor shape holding the same layer (a linear weight is transposed)
SHAPES = [((64, 32), (32, 64)), ((300, 100), (100, 300)), ((16, 3, 3, 3), (16, 3, 3, 3)), ((8, 4, 5, 2), (8, 4, 5, 2))]


@pytest.mark.parametrize("ours, theirs", SHAPES)
def test_fans_match_torch(ours, theirs):
    assert init.fan_in_and_fan_out(ours) == torch.nn.init._calculate_fan_in_and_fan_out(torch.empty(theirs))


@pytest.mark.parametrize("name, param", [("linear", None), ("sigmoid", None), ("tanh", None), ("relu", None),
                                         ("leaky_relu", None), ("leaky_relu", 0.2)])
def test_gains_match_torch(name, param):
    assert init.calculate_gain(name, param) == pytest.approx(torch.nn.init.calculate_gain(name, param), rel=1e-15)


def _torch_sample(fill, theirs, repeats):
    torch.manual_seed(0)
    samples = []
    for _ in range(repeats):
        t = torch.empty(theirs, dtype=torch.float64)
        fill(t)
        samples.append(t.numpy().ravel())
    return np.concatenate(samples)


CASES = [
    ("xavier_uniform", lambda s, r: init.xavier_uniform(s, r), torch.nn.init.xavier_uniform_),
    ("xavier_uniform_gain", lambda s, r: init.xavier_uniform(s, r, gain=5 / 3), lambda t: torch.nn.init.xavier_uniform_(t, gain=5 / 3)),
    ("xavier_normal", lambda s, r: init.xavier_normal(s, r), torch.nn.init.xavier_normal_),
    ("he_normal", lambda s, r: init.he_normal(s, r), lambda t: torch.nn.init.kaiming_normal_(t, nonlinearity="relu")),
    ("he_normal_fan_out", lambda s, r: init.he_normal(s, r, mode="fan_out"),
     lambda t: torch.nn.init.kaiming_normal_(t, mode="fan_out", nonlinearity="relu")),
    ("he_uniform", lambda s, r: init.he_uniform(s, r), lambda t: torch.nn.init.kaiming_uniform_(t, nonlinearity="relu")),
    ("he_uniform_leaky", lambda s, r: init.he_uniform(s, r, negative_slope=0.1), lambda t: torch.nn.init.kaiming_uniform_(t, a=0.1)),
]


@pytest.mark.parametrize("name, ours_fn, torch_fill", CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("ours, theirs", SHAPES)
def test_same_distribution_as_torch(name, ours_fn, torch_fill, ours, theirs):
    rng = np.random.default_rng(0)
    repeats = max(1, 20000 // math.prod(ours))
    mine = np.concatenate([ours_fn(ours, rng).ravel() for _ in range(repeats)])
    assert ours_fn(ours, rng).shape == ours
    reference = _torch_sample(torch_fill, theirs, repeats)
    # two samples of the same distribution: a two-sample KS test, and matching spreads
    assert stats.ks_2samp(mine, reference).pvalue > 1e-3
    assert np.std(mine) == pytest.approx(np.std(reference), rel=0.03)
    if "uniform" in name:  # the bound is the largest magnitude either can produce
        assert np.abs(mine).max() <= np.abs(reference).max() * 1.01 and np.abs(reference).max() <= np.abs(mine).max() * 1.01


def test_closed_form_variances():
    rng = np.random.default_rng(1)
    w = init.he_normal((400, 300), rng)
    assert np.var(w) == pytest.approx(2 / 400, rel=0.02)  # notes eq. 29: Normal(0, 2 / D_l)
    w = init.xavier_uniform((400, 300), rng)
    assert np.abs(w).max() <= math.sqrt(6 / 700)          # notes eq. 28
    assert np.var(w) == pytest.approx(2 / 700, rel=0.02)


def test_reproducible_under_a_seed():
    first = init.xavier_uniform((5, 4), np.random.default_rng(3))
    np.testing.assert_array_equal(first, init.xavier_uniform((5, 4), np.random.default_rng(3)))
    assert not np.array_equal(first, init.xavier_uniform((5, 4), np.random.default_rng(4)))


@pytest.mark.parametrize("call, error, message", [
    (lambda: init.xavier_uniform((5,), np.random.default_rng(0)), ValueError, "shape must have at least 2 dimensions"),
    (lambda: init.he_normal((5, 4), np.random.default_rng(0), mode="fan"), ValueError, "mode must be 'fan_in'"),
    (lambda: init.he_normal((5, 4), None), TypeError, "numpy.random.Generator"),
    (lambda: init.calculate_gain("swish"), ValueError, "nonlinearity must be one of"),
])
def test_init_names_what_it_expected(call, error, message):
    with pytest.raises(error, match=message):
        call()

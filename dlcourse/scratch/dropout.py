"""Inverted dropout, forward and backward (notes 4.6.2).

In training every unit is kept with probability ``1 - p`` and zeroed with probability ``p``; the
kept ones are divided by ``1 - p`` so that the expected output equals the input. That rescaling at
training time ("inverted" dropout) is what lets evaluation use the layer as the identity, with no
correction (``torch.nn.functional.dropout``, where ``p`` is also the probability to *drop*).

One way to read it: training samples one of the 2^(number of units) thinned networks per step;
evaluation approximates the average of that ensemble by the full network.
"""

from __future__ import annotations

import numpy as np

from dlcourse._validate import as_float_array, as_gradient, as_probability
from dlcourse.seeding import as_generator

__all__ = ["dropout_forward", "dropout_backward"]


def dropout_forward(x, p: float, *, training: bool, rng: np.random.Generator | None = None):
    """Inverted dropout.

    - training: ``out = x * mask / (1 - p)`` with ``mask ~ Bernoulli(1 - p)`` drawn elementwise from
      ``rng`` (``p = 1`` drops everything: ``out = 0``);
    - evaluation: ``out = x``.

    Args:
        x: any shape.
        p: probability of dropping a unit, in [0, 1].
        training: keyword only, so the mode is always explicit.
        rng: a ``np.random.Generator`` (or an integer seed); required in training.

    Returns:
        out: the shape of ``x``.
        cache: the scaled mask ``mask / (1 - p)`` (None in evaluation) for the backward pass.
    """
    x = as_float_array(x, "x")
    p = as_probability(p, "p")
    if not training or p == 0.0:
        return x.copy(), None
    if rng is None:
        raise TypeError("rng is needed in training: pass a numpy.random.Generator (dropout draws a random mask)")
    rng = as_generator(rng)
    if p == 1.0:
        scaled_mask = np.zeros_like(x)  # every unit dropped; avoids dividing by 1 - p = 0
    else:
        scaled_mask = (rng.random(x.shape) >= p) / (1.0 - p)  # keep with probability 1 - p
    return x * scaled_mask, scaled_mask


def dropout_backward(dout, cache):
    """``dx = dout * mask / (1 - p)``: the gradient flows only through the kept units, with the same
    scale as the forward (the identity in evaluation). Returns dx, the shape of ``dout``."""
    scaled_mask = cache
    dout = as_float_array(dout, "dout")
    if scaled_mask is None:
        return dout.copy()
    dout = as_gradient(dout, "dout", scaled_mask.shape)
    return dout * scaled_mask

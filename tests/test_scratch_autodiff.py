"""The scalar autodiff engine agrees with PyTorch's autograd, accumulates over reused nodes, and
gives the same gradients when run twice."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from dlcourse.scratch.autodiff import Value, backpropagate, topological_order


def _compare(build, leaf_values, rtol=1e-10):
    leaves = [Value(v) for v in leaf_values]
    out = build(leaves)
    backpropagate(out)
    tensors = [torch.tensor(float(v), dtype=torch.float64, requires_grad=True) for v in leaf_values]
    expected = build(tensors)
    grads = torch.autograd.grad(expected, tensors, allow_unused=True)
    assert out.data == pytest.approx(expected.item(), rel=1e-12, abs=1e-12)
    np.testing.assert_allclose([leaf.grad for leaf in leaves], [0.0 if g is None else g.item() for g in grads],
                               rtol=rtol, atol=1e-12)
    return out, leaves


@pytest.mark.parametrize("build, values", [
    (lambda v: v[0] * v[1] + v[0], [2.0, -3.0]),                     # a used twice
    (lambda v: v[0] * v[0] * v[0] - v[0], [1.3]),
    (lambda v: (v[0] * v[1] + v[2]).tanh(), [0.5, -1.5, 0.25]),
    (lambda v: v[0].relu() + (v[0] * v[1]).relu(), [0.0, 2.0]),       # the kink: derivative 0
    (lambda v: 2.0 * v[0] + 1.0 - v[1] * 3, [0.5, 4.0]),
    (lambda v: 1.0 - v[0], [0.3]),
])
def test_gradients_match_autograd(build, values):
    _compare(build, values)


def test_a_diamond_needs_the_topological_order():
    def diamond(v):
        c = v[0] * v[1]
        d = c + v[0]
        return (c * d).tanh() * d + c
    _compare(diamond, [0.7, -0.4])


def test_a_deep_chain_beyond_the_recursion_limit():
    def chain(v):
        x = v[0]
        for _ in range(1500):
            x = (x * 0.9 + 0.05).tanh() + x * 0.1
        return x
    _compare(chain, [0.4], rtol=1e-9)


def test_topological_order_puts_parents_first_and_lists_each_node_once():
    a, b = Value(1.0), Value(2.0)
    c = a * b
    out = c + c * a
    order = topological_order(out)
    assert len(order) == len({id(n) for n in order}) == 5
    position = {id(n): i for i, n in enumerate(order)}
    assert all(position[id(p)] < position[id(n)] for n in order for p in n.parents)


def test_backpropagate_twice_and_on_two_outputs_gives_each_its_own_gradients():
    a, b = Value(0.9), Value(-1.1)
    out1, out2 = a * b, a + b * b
    backpropagate(out1)
    backpropagate(out1)
    assert (a.grad, b.grad) == pytest.approx((-1.1, 0.9))
    out2.backward()
    assert (a.grad, b.grad) == pytest.approx((1.0, -2.2))


def test_bad_input_is_refused_in_words():
    with pytest.raises(TypeError, match="must be a number"):
        Value(Value(1.0))
    with pytest.raises(ValueError, match="one local gradient per parent"):
        Value(1.0, (Value(2.0),), ())
    with pytest.raises(TypeError, match="must be a Value"):
        backpropagate(3.0)

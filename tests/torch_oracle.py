"""The oracle of the from-scratch tests: the same computation in PyTorch, float64, with autograd."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import torch


def vjp(fn: Callable, inputs: Sequence[np.ndarray], dout: np.ndarray | None = None):
    """Run ``fn`` on float64 torch copies of ``inputs`` and backpropagate ``dout`` (or 1 for a scalar).

    Returns ``(out, grads)``: the output as NumPy and the gradient of ``sum(out * dout)`` with respect
    to every input (zeros where an input does not influence the output).
    """
    tensors = [torch.tensor(np.asarray(a, dtype=float), requires_grad=True) for a in inputs]
    out = fn(*tensors)
    if dout is None:
        out.backward()
    else:
        out.backward(torch.tensor(dout))
    grads = [t.grad.numpy() if t.grad is not None else np.zeros(t.shape) for t in tensors]
    return out.detach().numpy(), grads


def assert_close_all(actual: Sequence[np.ndarray], expected: Sequence[np.ndarray], names: Sequence[str], rtol=1e-10, atol=1e-12):
    """Compare gradients pairwise, naming the one that differs."""
    assert len(actual) == len(expected) == len(names), (len(actual), len(expected), len(names))
    for a, e, name in zip(actual, expected, names):
        np.testing.assert_allclose(a, e, rtol=rtol, atol=atol, err_msg=f"gradient {name} differs from autograd")

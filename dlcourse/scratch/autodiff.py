"""A scalar reverse-mode automatic differentiation engine (chapter 06), in the spirit of micrograd.

A :class:`Value` wraps one number. Arithmetic on Values builds a graph as a side effect: every
result records its ``parents`` (the Values it was computed from) and ``local_grads`` (the
derivative of the result with respect to each parent). :func:`backpropagate` then applies the
chain rule over the graph in reverse topological order,

    grad(v) = sum over the children c of v of  grad(c) * d c / d v,     grad(output) = 1,

so a node used several times collects one contribution per use. Unlike PyTorch, which adds new
gradients to old ones, ``backpropagate(out)`` first resets the ``grad`` of every node of ``out``'s
graph, so that afterwards ``node.grad == d out / d node`` however often it is called::

    a, b = Value(2.0), Value(-3.0)
    out = (a * b + a).tanh()
    backpropagate(out)          # or out.backward()
    a.grad, b.grad              # d out / d a, d out / d b

The topological sort is iterative, so graphs deeper than Python's recursion limit work too.
"""

from __future__ import annotations

import math
from numbers import Real

__all__ = ["Value", "backpropagate", "topological_order"]


class Value:
    """A number in a computation graph.

    Attributes:
        data: the value, a float.
        grad: ``d output / d self`` after :func:`backpropagate` (0.0 before).
        parents: the Values this one was computed from (empty for a leaf).
        local_grads: ``d self / d parent`` for each parent, in the same order.
    """

    __slots__ = ("data", "grad", "parents", "local_grads")

    def __init__(self, data: Real, parents: tuple = (), local_grads: tuple = ()):
        if isinstance(data, Value):
            raise TypeError("data must be a number; a Value is already a node of the graph")
        self.data = float(data)
        self.grad = 0.0
        self.parents = tuple(parents)
        self.local_grads = tuple(float(g) for g in local_grads)
        if len(self.parents) != len(self.local_grads):
            raise ValueError(f"one local gradient per parent: got {len(self.parents)} parents and "
                             f"{len(self.local_grads)} local gradients")

    @staticmethod
    def _lift(other) -> "Value":
        return other if isinstance(other, Value) else Value(other)

    def __add__(self, other) -> "Value":
        other = self._lift(other)
        return Value(self.data + other.data, (self, other), (1.0, 1.0))

    def __mul__(self, other) -> "Value":
        other = self._lift(other)
        return Value(self.data * other.data, (self, other), (other.data, self.data))

    def tanh(self) -> "Value":
        t = math.tanh(self.data)
        return Value(t, (self,), (1.0 - t * t,))   # tanh' = 1 - tanh^2, from the result

    def relu(self) -> "Value":
        return Value(max(self.data, 0.0), (self,), (1.0 if self.data > 0 else 0.0,))  # 0 at the kink, as torch

    def __radd__(self, other) -> "Value":
        return self + other

    def __rmul__(self, other) -> "Value":
        return self * other

    def __neg__(self) -> "Value":
        return self * -1.0

    def __sub__(self, other) -> "Value":
        return self + (-self._lift(other))

    def __rsub__(self, other) -> "Value":
        return (-self) + other

    def backward(self) -> None:
        """``backpropagate(self)``."""
        backpropagate(self)

    def __repr__(self) -> str:
        return f"Value(data={self.data:.6g}, grad={self.grad:.6g})"


def topological_order(output: Value) -> list[Value]:
    """Every node ``output`` was computed from (itself included), each after all of its parents."""
    if not isinstance(output, Value):
        raise TypeError(f"output must be a Value, got {type(output).__name__}")
    order: list[Value] = []
    seen: set[int] = set()
    stack = [(output, False)]
    while stack:                                   # depth-first, post-order, without recursion
        node, parents_done = stack.pop()
        if parents_done:
            order.append(node)
        elif id(node) not in seen:
            seen.add(id(node))
            stack.append((node, True))
            stack.extend((parent, False) for parent in node.parents)
    return order


def backpropagate(output: Value) -> None:
    """Set ``v.grad = d output / d v`` for every node ``v`` of ``output``'s graph (reverse mode).

    Resets the graph's gradients first, then processes the nodes in reverse topological order,
    adding ``local_grad * node.grad`` to each parent's gradient.
    """
    order = topological_order(output)
    for node in order:
        node.grad = 0.0
    output.grad = 1.0
    for node in reversed(order):                  # every child of a node comes before it
        for parent, local in zip(node.parents, node.local_grads):
            parent.grad += local * node.grad

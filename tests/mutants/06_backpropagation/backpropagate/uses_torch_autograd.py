"""Lets PyTorch's autograd do the backward pass: every Value wraps a float64 tensor."""
import torch


class Value:
    def __init__(self, data, parents=(), local_grads=()):
        if isinstance(data, torch.Tensor):
            self.tensor = data
        else:
            self.tensor = torch.tensor(float(data), dtype=torch.float64, requires_grad=True)
        self.data = float(self.tensor.detach())
        self.grad = 0.0
        self.parents = tuple(parents)
        self.local_grads = tuple(local_grads)

    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        return Value(self.tensor + other.tensor, (self, other))

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        return Value(self.tensor * other.tensor, (self, other))

    def tanh(self):
        return Value(torch.tanh(self.tensor), (self,))

    def relu(self):
        return Value(torch.relu(self.tensor), (self,))

    def __radd__(self, other):
        return self + other

    def __rmul__(self, other):
        return self * other

    def __neg__(self):
        return self * -1.0

    def __sub__(self, other):
        return self + (-other)

    def __rsub__(self, other):
        return (-self) + other

    def backward(self):
        backpropagate(self)


def backpropagate(output):
    nodes, stack = [], [output]
    while stack:
        node = stack.pop()
        if all(node is not seen for seen in nodes):
            nodes.append(node)
            stack.extend(node.parents)
    for node in nodes:
        if node.tensor.grad_fn is not None:
            node.tensor.retain_grad()
        node.tensor.grad = None
    output.tensor.backward(retain_graph=True)
    for node in nodes:
        node.grad = 0.0 if node.tensor.grad is None else float(node.tensor.grad)

"""The multilayer perceptron (section 4.2 of the notes):
``h_0 = x``, ``h_l = phi(W_l h_{l-1} + b_l)`` for the hidden layers, and a last linear layer
``f(x) = W_L h_{L-1} + b_L`` without activation (the loss applies the inverse link: softmax
inside cross-entropy, identity for regression)."""

from __future__ import annotations

from collections.abc import Sequence

import torch
from torch import nn

from dlcourse._validate import as_positive_int
from dlcourse.models.activations import make_activation

__all__ = ["MLP"]


class MLP(nn.Module):
    """Fully connected layers ``layer_sizes[0] -> layer_sizes[1] -> ... -> layer_sizes[-1]``.

    Args:
        layer_sizes: input size, the hidden sizes, output size; at least two numbers.
            ``MLP([64, 32, 10])`` has one hidden layer of 32 units.
        activation: the hidden layers' activation: a name (``"relu"``, ``"tanh"``,
            ``"logistic"``, ``"leaky_relu"``, ``"gelu"``, ``"identity"``) or an ``nn.Module``.

    Shapes:
        input (..., layer_sizes[0]) -> output (..., layer_sizes[-1]): any leading dimensions, so
        (N, D) batches and (N, T, D) sequences both work. Flatten images first (``x.flatten(1)``).
    """

    def __init__(self, layer_sizes: Sequence[int], activation="relu"):
        super().__init__()
        layer_sizes = [as_positive_int(size, "every layer size") for size in layer_sizes]
        if len(layer_sizes) < 2:
            raise ValueError(f"layer_sizes needs at least an input and an output size, got {layer_sizes}")
        self.layer_sizes = layer_sizes
        make_activation(activation)  # an unknown name fails here even for a net without hidden layers
        layers: list[nn.Module] = []
        for i, (fan_in, fan_out) in enumerate(zip(layer_sizes[:-1], layer_sizes[1:])):
            layers.append(nn.Linear(fan_in, fan_out))
            if i < len(layer_sizes) - 2:  # no activation after the output layer
                layers.append(make_activation(activation))
        self.layers = nn.Sequential(*layers)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.shape[-1] != self.layer_sizes[0]:
            raise ValueError(
                f"MLP expects inputs of shape (..., {self.layer_sizes[0]}), got {tuple(x.shape)}"
                + (" (flatten images with x.flatten(1))" if x.dim() > 2 else "")
            )
        return self.layers(x)

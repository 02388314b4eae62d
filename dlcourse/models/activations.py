"""The activation functions the models accept by name (section 4.1 of the notes)."""

from __future__ import annotations

from torch import nn

from dlcourse._validate import check_choice

__all__ = ["ACTIVATIONS", "make_activation"]

# "logistic" is the notes' name for the sigmoid; both are accepted.
ACTIVATIONS = {
    "relu": nn.ReLU,
    "tanh": nn.Tanh,
    "logistic": nn.Sigmoid,
    "sigmoid": nn.Sigmoid,
    "leaky_relu": nn.LeakyReLU,
    "gelu": nn.GELU,
    "identity": nn.Identity,
}


def make_activation(activation: str | type[nn.Module] | nn.Module) -> nn.Module:
    """A fresh activation module from a name in ``ACTIVATIONS``, an ``nn.Module`` class, or a
    module (returned as is, so a configured one such as ``nn.LeakyReLU(0.2)`` can be passed)."""
    if isinstance(activation, nn.Module):
        return activation
    if isinstance(activation, type) and issubclass(activation, nn.Module):
        return activation()
    if not isinstance(activation, str):
        raise TypeError(
            f"activation must be a name ({', '.join(ACTIVATIONS)}) or an nn.Module, got {type(activation).__name__}"
        )
    return ACTIVATIONS[check_choice(activation, "activation", ACTIVATIONS)]()

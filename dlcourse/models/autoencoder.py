"""The autoencoder (section 9.1 of the notes): an encoder maps x to a code ``h`` of fewer
dimensions and a decoder maps the code back, ``x~ = g^{-1}(decoder(encoder(x)))``; training
minimises the reconstruction loss between ``x~`` and ``x`` itself.

With ``activation="identity"`` both halves are linear, and the optimal code spans the same
subspace as the leading principal components of the data (Baldi and Hornik, 1989).
"""

from __future__ import annotations

from collections.abc import Sequence

import torch
from torch import nn

from dlcourse._validate import check_choice
from dlcourse.models.mlp import MLP

__all__ = ["Autoencoder"]

# The inverse link of the reconstruction: identity for real-valued data, logistic for data in [0, 1].
_OUTPUT_LINKS = {"identity": nn.Identity, "logistic": nn.Sigmoid}


class Autoencoder(nn.Module):
    """An MLP encoder ``layer_sizes[0] -> ... -> layer_sizes[-1]`` (the code) and the mirrored
    MLP decoder back to ``layer_sizes[0]``.

    Args:
        layer_sizes: input size, hidden sizes, code size; ``Autoencoder([64, 32, 8])``.
        activation: activation of the hidden layers, as for :class:`~dlcourse.models.mlp.MLP`.
            The code layer itself has no activation.
        output_link: ``"identity"`` (real-valued data, use a squared loss) or ``"logistic"``
            (data in [0, 1] such as the digits' pixels).

    Shapes:
        x (N, D) -> reconstruction (N, D); ``encode``: (N, D) -> (N, code); ``decode``: back.
    """

    def __init__(self, layer_sizes: Sequence[int], activation="relu", output_link: str = "identity"):
        super().__init__()
        layer_sizes = list(layer_sizes)
        self.encoder = MLP(layer_sizes, activation)
        self.decoder = MLP(layer_sizes[::-1], activation)
        self.output_link = _OUTPUT_LINKS[check_choice(output_link, "output_link", _OUTPUT_LINKS)]()

    def encode(self, x: torch.Tensor) -> torch.Tensor:
        return self.encoder(x)

    def decode(self, code: torch.Tensor) -> torch.Tensor:
        return self.output_link(self.decoder(code))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.decode(self.encode(x))

"""A small convolutional network for the 1x8x8 digits (section 6 of the notes).

Output size of a convolution: ``H' = (H - F + 2P) / S + 1``; with 3x3 filters, padding 1 and
stride 1 the size is kept, and each 2x2 max pooling halves it: 8 -> 4 -> 2.
"""

from __future__ import annotations

import torch
from torch import nn

from dlcourse._validate import as_positive_int

__all__ = ["DigitsCNN"]


class DigitsCNN(nn.Module):
    """conv(3x3) -> ReLU -> maxpool(2) -> conv(3x3) -> ReLU -> maxpool(2) -> linear -> ReLU -> linear.

    Args:
        n_classes: number of outputs (logits).
        channels: filters of the two convolutions, (K_1, K_2).
        hidden_size: units of the fully connected hidden layer.

    Shapes:
        input (N, 1, 8, 8) -> logits (N, n_classes).
    """

    def __init__(self, n_classes: int = 10, channels: tuple[int, int] = (16, 32), hidden_size: int = 64):
        super().__init__()
        k1, k2 = (as_positive_int(c, "channels") for c in channels)
        self.conv1 = nn.Conv2d(1, k1, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(k1, k2, kernel_size=3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.head = nn.Sequential(
            nn.Linear(k2 * 2 * 2, as_positive_int(hidden_size, "hidden_size")),
            nn.ReLU(),
            nn.Linear(hidden_size, as_positive_int(n_classes, "n_classes")),
        )

    def feature_maps(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """The activations after each convolution block: (N, K_1, 4, 4) and (N, K_2, 2, 2)."""
        if x.dim() != 4 or tuple(x.shape[1:]) != (1, 8, 8):
            raise ValueError(f"DigitsCNN expects images of shape (N, 1, 8, 8), got {tuple(x.shape)}")
        first = self.pool(torch.relu(self.conv1(x)))  # (N, K1, 8, 8) -> (N, K1, 4, 4)
        second = self.pool(torch.relu(self.conv2(first)))  # (N, K2, 4, 4) -> (N, K2, 2, 2)
        return first, second

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        _, features = self.feature_maps(x)
        return self.head(features.flatten(1))  # (N, K2, 2, 2) -> (N, 4 K2) -> (N, n_classes)

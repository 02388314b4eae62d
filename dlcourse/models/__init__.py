"""PyTorch models of the chapters, one concept per module.

- ``mlp``          ``MLP``: fully connected layers with a chosen activation
- ``cnn``          ``DigitsCNN``: a small convolutional network for the 1x8x8 digits
- ``rnn``          ``SequenceClassifier``: embedding + RNN/LSTM/GRU, many-to-one, padding aware
- ``transformer``  ``sinusoidal_positional_encoding``, ``scaled_dot_product_attention``,
                   ``MultiHeadSelfAttention``, ``TransformerEncoderLayer`` (post-LayerNorm),
                   ``TinyTransformer``
- ``autoencoder``  ``Autoencoder``
- ``vae``          ``reparameterize``, ``gaussian_kl_to_standard_normal``, ``VAE``, ``negative_elbo``
- ``diffusion``    ``NoiseSchedule``, ``NoisePredictionMLP``, ``Diffusion`` (DDPM for 2-D data)
- ``activations``  the activation functions the models accept by name

Every model's docstring states the shapes it takes and returns.
"""

from __future__ import annotations

import torch

__all__ = ["count_parameters"]


def count_parameters(model: torch.nn.Module) -> int:
    """The number of trainable parameters (entries of every tensor that has ``requires_grad``)."""
    return sum(p.numel() for p in model.parameters() if p.requires_grad)

"""The variational autoencoder (section 9.2 of the notes).

Generative model: ``z ~ N(0, I)``, ``x | z ~ Bernoulli(logistic(decoder(z)))`` (one
probability per pixel). Inference network: ``q(z | x) = N(mu(x), diag(sigma^2(x)))``.
Training maximises the evidence lower bound

    ELBO(x) = E_q[log p(x | z)] - KL(q(z | x) || N(0, I)) <= log p(x),

with the expectation estimated by one reparameterised sample ``z = mu + sigma * eps``,
``eps ~ N(0, I)``, through which gradients reach the encoder, and the KL in closed form:

    KL(N(mu, diag sigma^2) || N(0, I)) = 1/2 sum_j (sigma_j^2 + mu_j^2 - 1 - log sigma_j^2).

The encoder outputs ``log sigma^2`` rather than sigma so that any real output is a valid variance.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import torch
from torch import nn
from torch.nn import functional as F

from dlcourse._validate import check_choice, as_positive_int
from dlcourse.models.mlp import MLP

__all__ = ["reparameterize", "gaussian_kl_to_standard_normal", "VAEOutput", "VAE", "elbo_terms", "negative_elbo"]


def reparameterize(mean: torch.Tensor, log_variance: torch.Tensor,
                   generator: torch.Generator | None = None) -> torch.Tensor:
    """A sample ``z = mean + exp(log_variance / 2) * eps`` with ``eps ~ N(0, I)``: differentiable
    in ``mean`` and ``log_variance``. Shapes: (N, L) each -> (N, L)."""
    if mean.shape != log_variance.shape:
        raise ValueError(f"mean and log_variance must have one shape, got {tuple(mean.shape)} and "
                         f"{tuple(log_variance.shape)}")
    eps = torch.randn(mean.shape, generator=generator, dtype=mean.dtype, device=mean.device)
    return mean + torch.exp(0.5 * log_variance) * eps


def gaussian_kl_to_standard_normal(mean: torch.Tensor, log_variance: torch.Tensor) -> torch.Tensor:
    """``KL(N(mean, diag exp(log_variance)) || N(0, I))`` per example, summed over the latent
    dimensions: ``1/2 sum_j (exp(lv_j) + mean_j^2 - 1 - lv_j)``. Shapes: (N, L) each -> (N,)."""
    return 0.5 * torch.sum(torch.exp(log_variance) + mean**2 - 1.0 - log_variance, dim=-1)


class VAEOutput(NamedTuple):
    """What :class:`VAE` returns: decoder logits (N, D), posterior mean and log-variance (N, L),
    and the sampled code z (N, L)."""

    logits: torch.Tensor
    mean: torch.Tensor
    log_variance: torch.Tensor
    z: torch.Tensor


class VAE(nn.Module):
    """An MLP encoder to ``(mu, log sigma^2)`` and an MLP decoder from z to Bernoulli logits.

    Args:
        input_dim: D, e.g. 64 for the flat digits.
        hidden_sizes: hidden layer sizes of the encoder (the decoder mirrors them).
        latent_dim: L, the size of z (2 makes the latent space plottable).
        activation: of the hidden layers.

    Shapes:
        x (N, D) in [0, 1] -> ``VAEOutput`` (logits (N, D), mean (N, L), log_variance (N, L),
        z (N, L)). ``sample(n)`` -> pixel probabilities (n, D).
    """

    def __init__(self, input_dim: int = 64, hidden_sizes: Sequence[int] = (128,), latent_dim: int = 2,
                 activation="relu"):
        super().__init__()
        self.latent_dim = as_positive_int(latent_dim, "latent_dim")
        hidden_sizes = list(hidden_sizes)
        # One head outputs mean and log-variance side by side: (N, 2L).
        self.encoder = MLP([input_dim, *hidden_sizes, 2 * latent_dim], activation)
        self.decoder = MLP([latent_dim, *hidden_sizes[::-1], input_dim], activation)

    def encode(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """x (N, D) -> mean (N, L), log_variance (N, L)."""
        mean, log_variance = self.encoder(x).chunk(2, dim=-1)  # (N, 2L) -> 2 x (N, L)
        return mean, log_variance

    def decode(self, z: torch.Tensor) -> torch.Tensor:
        """z (N, L) -> Bernoulli logits (N, D)."""
        return self.decoder(z)

    def forward(self, x: torch.Tensor, generator: torch.Generator | None = None) -> VAEOutput:
        mean, log_variance = self.encode(x)
        z = reparameterize(mean, log_variance, generator)
        return VAEOutput(self.decode(z), mean, log_variance, z)

    @torch.no_grad()
    def sample(self, n: int, generator: torch.Generator | None = None) -> torch.Tensor:
        """Draw ``z ~ N(0, I)`` and return the decoder's pixel probabilities, (n, D)."""
        device = next(self.parameters()).device
        z = torch.randn(as_positive_int(n, "n"), self.latent_dim, generator=generator, device=device)
        return torch.sigmoid(self.decode(z))


def elbo_terms(output: VAEOutput, x: torch.Tensor, likelihood: str = "bernoulli") -> tuple[torch.Tensor, torch.Tensor]:
    """The two terms of the one-sample ELBO estimate, per example.

    Args:
        output: what the VAE returned for ``x``.
        x: the data, (N, D).
        likelihood: ``"bernoulli"`` (``log p(x|z) = sum_d x_d log p_d + (1 - x_d) log(1 - p_d)``
            with ``p = logistic(logits)``, also used for grey values in [0, 1]) or ``"gaussian"``
            (unit variance, ``-1/2 sum_d (x_d - logits_d)^2 - D/2 log(2 pi)``).

    Returns:
        reconstruction log-likelihood (N,) and KL to the prior (N,); ``ELBO = first - second``.
    """
    check_choice(likelihood, "likelihood", ("bernoulli", "gaussian"))
    if output.logits.shape != x.shape:
        raise ValueError(f"x must have the decoder's output shape {tuple(output.logits.shape)}, got {tuple(x.shape)}")
    if likelihood == "bernoulli":
        log_likelihood = -F.binary_cross_entropy_with_logits(output.logits, x, reduction="none").sum(dim=-1)
    else:
        log_likelihood = -0.5 * ((x - output.logits) ** 2).sum(dim=-1) - 0.5 * x.shape[-1] * torch.log(
            torch.tensor(2 * torch.pi, dtype=x.dtype))
    return log_likelihood, gaussian_kl_to_standard_normal(output.mean, output.log_variance)


def negative_elbo(output: VAEOutput, x: torch.Tensor, likelihood: str = "bernoulli") -> torch.Tensor:
    """The VAE's training loss: the negative ELBO averaged over the batch,
    ``(1/N) sum_n [KL_n - log p(x_n | z_n)]``. Use it as ``train(vae, negative_elbo, (x,), ...)``."""
    log_likelihood, kl = elbo_terms(output, x, likelihood)
    return torch.mean(kl - log_likelihood)

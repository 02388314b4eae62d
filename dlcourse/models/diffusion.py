"""A denoising diffusion probabilistic model (DDPM, Ho et al. 2020) for low-dimensional data.

Forward (noising) process, a fixed Markov chain over steps t = 1..T with variances beta_t:

    q(x_t | x_{t-1}) = N(sqrt(1 - beta_t) x_{t-1}, beta_t I).

Composing the Gaussian steps gives every x_t in closed form, with ``alpha_t = 1 - beta_t`` and
``alpha_bar_t = prod_{s <= t} alpha_s``:

    q(x_t | x_0) = N(sqrt(alpha_bar_t) x_0, (1 - alpha_bar_t) I),
    i.e. x_t = sqrt(alpha_bar_t) x_0 + sqrt(1 - alpha_bar_t) eps,  eps ~ N(0, I).

A network ``eps_theta(x_t, t)`` learns to predict the noise eps that made x_t; the (simplified)
training loss is ``E_{x_0, t, eps} ||eps - eps_theta(x_t, t)||^2`` with t uniform.

Ancestral sampling runs the learned reverse chain from ``x_T ~ N(0, I)``:

    x_{t-1} = (x_t - beta_t / sqrt(1 - alpha_bar_t) eps_theta(x_t, t)) / sqrt(alpha_t) + sigma_t z,

with ``z ~ N(0, I)`` and ``sigma_t^2 = beta_t (1 - alpha_bar_{t-1}) / (1 - alpha_bar_t)`` (the
variance of the true posterior q(x_{t-1} | x_t, x_0)), and no noise at the last step.

Indexing: tensors are indexed from 0, so index ``t`` below is step t + 1 of the equations.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import nn

from dlcourse._validate import as_probability, as_positive_int
from dlcourse.models.mlp import MLP
from dlcourse.models.transformer import sinusoidal_positional_encoding

__all__ = ["forward_noising", "reverse_step", "NoiseSchedule", "NoisePredictionMLP", "Diffusion", "MixtureNoisePredictor"]


def forward_noising(x0: torch.Tensor, t: torch.Tensor, noise: torch.Tensor, betas: torch.Tensor) -> torch.Tensor:
    """x_t drawn from ``q(x_t | x_0)`` in closed form, ``sqrt(alpha_bar_t) x0 + sqrt(1 - alpha_bar_t) noise``.

    Shapes: x0 (N, D), t (N,) int64 in [0, T) (index i is step i + 1), noise (N, D), betas (T,) -> (N, D).
    """
    alpha_bar = torch.cumprod(1.0 - betas, dim=0)[t][:, None]  # (N, 1): broadcast over the data dimensions
    return torch.sqrt(alpha_bar) * x0 + torch.sqrt(1.0 - alpha_bar) * noise


def reverse_step(x_t: torch.Tensor, t: int, predicted_noise: torch.Tensor, betas: torch.Tensor,
                 z: torch.Tensor) -> torch.Tensor:
    """One step of ancestral sampling, a draw of x_{t-1}:
    ``(x_t - beta_t / sqrt(1 - alpha_bar_t) predicted_noise) / sqrt(alpha_t) + sigma_t z`` with the
    posterior variance ``sigma_t^2 = beta_t (1 - alpha_bar_{t-1}) / (1 - alpha_bar_t)`` (0 at index 0).

    Shapes: x_t (N, D), t a Python int in [0, T) (index i is step i + 1), predicted_noise (N, D),
    betas (T,), z (N, D) standard normal -> (N, D).
    """
    alphas = 1.0 - betas
    alpha_bars = torch.cumprod(alphas, dim=0)
    alpha_bar_before = alpha_bars[t - 1] if t > 0 else torch.ones((), dtype=betas.dtype, device=betas.device)
    mean = (x_t - betas[t] / torch.sqrt(1.0 - alpha_bars[t]) * predicted_noise) / torch.sqrt(alphas[t])
    variance = betas[t] * (1.0 - alpha_bar_before) / (1.0 - alpha_bars[t])
    return mean + torch.sqrt(variance) * z


@dataclass(frozen=True)
class NoiseSchedule:
    """The variances beta_t of the forward process and the quantities derived from them, each a
    float tensor of shape (T,)."""

    betas: torch.Tensor

    @classmethod
    def linear(cls, n_steps: int, beta_start: float | None = None, beta_end: float | None = None) -> "NoiseSchedule":
        """betas rising linearly from ``beta_start`` to ``beta_end``.

        The defaults, ``0.1 / T`` and ``20 / T``, are DDPM's 1e-4 and 0.02 for T = 1000 rescaled so
        that any T noises the data equally far: ``alpha_bar_T`` is about ``exp(-10)``, so x_T is
        practically pure noise. (For chains shorter than 23 steps ``beta_end`` is capped at 0.9.)
        """
        n_steps = as_positive_int(n_steps, "n_steps", minimum=2)
        beta_start = 0.1 / n_steps if beta_start is None else beta_start
        beta_end = min(20.0 / n_steps, 0.9) if beta_end is None else beta_end
        for name, value in (("beta_start", beta_start), ("beta_end", beta_end)):
            if as_probability(value, name, allow_one=False) == 0:
                raise ValueError(f"{name} must lie in (0, 1), got {value}")
        return cls(torch.linspace(beta_start, beta_end, n_steps))

    @property
    def n_steps(self) -> int:
        return len(self.betas)

    @property
    def alphas(self) -> torch.Tensor:
        return 1.0 - self.betas

    @property
    def alpha_bars(self) -> torch.Tensor:
        return torch.cumprod(self.alphas, dim=0)

    @property
    def posterior_variances(self) -> torch.Tensor:
        """``sigma_t^2 = beta_t (1 - alpha_bar_{t-1}) / (1 - alpha_bar_t)``, with alpha_bar_0 = 1."""
        previous = torch.cat([torch.ones(1), self.alpha_bars[:-1]])
        return self.betas * (1.0 - previous) / (1.0 - self.alpha_bars)


class NoisePredictionMLP(nn.Module):
    """``eps_theta(x_t, t)``: an :class:`~dlcourse.models.mlp.MLP` on the concatenation of x_t and
    a sinusoidal embedding of t (the transformer's positional encoding, used for time steps), so
    one network serves every t.

    Args:
        data_dim: D, the dimension of the data (2 for the plane).
        n_steps: T, the number of diffusion steps (rows of the time-embedding table).
        hidden_size: width of the hidden layers; num_layers: their number.
        time_dim: size of the time embedding.

    Shapes:
        x (N, D) float, t (N,) int64 in [0, T) -> predicted noise (N, D).
    """

    def __init__(self, data_dim: int = 2, n_steps: int = 100, hidden_size: int = 128, num_layers: int = 3,
                 time_dim: int = 32, activation="relu"):
        super().__init__()
        self.register_buffer("time_embedding", sinusoidal_positional_encoding(n_steps, time_dim), persistent=False)
        data_dim = as_positive_int(data_dim, "data_dim")
        hidden_sizes = [as_positive_int(hidden_size, "hidden_size")] * as_positive_int(num_layers, "num_layers")
        self.network = MLP([data_dim + time_dim, *hidden_sizes, data_dim], activation)

    def forward(self, x: torch.Tensor, t: torch.Tensor) -> torch.Tensor:
        features = torch.cat([x, self.time_embedding[t]], dim=-1)  # (N, D) + (N, time_dim) -> (N, D + time_dim)
        return self.network(features)  # (N, D)


class Diffusion(nn.Module):
    """A DDPM: a noise schedule plus a noise-prediction network (see the module docstring).

    Calling the model on a batch of data returns its training loss, so the course's ``train``
    loop fits it with ``train(diffusion, None, (x0,), optimizer, epochs)``.

    Shapes:
        x0 (N, D) -> loss (scalar); ``q_sample(x0, t, noise)`` (N, D) -> (N, D);
        ``sample(n)`` -> (n, D).
    """

    def __init__(self, denoiser: nn.Module, schedule: NoiseSchedule):
        super().__init__()
        self.denoiser = denoiser
        self.n_steps = schedule.n_steps
        # Buffers follow the model to its device and are saved with it, but are not trained.
        self.register_buffer("betas", schedule.betas.clone())
        self.register_buffer("alphas", schedule.alphas)
        self.register_buffer("alpha_bars", schedule.alpha_bars)
        self.register_buffer("posterior_variances", schedule.posterior_variances)

    def q_step(self, x_previous: torch.Tensor, t: torch.Tensor, noise: torch.Tensor) -> torch.Tensor:
        """One forward step ``x_t = sqrt(1 - beta_t) x_{t-1} + sqrt(beta_t) noise``; t (N,) int64."""
        beta = self.betas[t][:, None]  # (N, 1): broadcast over the data dimensions
        return torch.sqrt(1.0 - beta) * x_previous + torch.sqrt(beta) * noise

    def q_sample(self, x0: torch.Tensor, t: torch.Tensor, noise: torch.Tensor) -> torch.Tensor:
        """x_t drawn from ``q(x_t | x_0)`` in closed form:
        ``sqrt(alpha_bar_t) x0 + sqrt(1 - alpha_bar_t) noise``; x0, noise (N, D), t (N,) int64."""
        return forward_noising(x0, t, noise, self.betas)

    def loss(self, x0: torch.Tensor, generator: torch.Generator | None = None) -> torch.Tensor:
        """``mean ||eps - eps_theta(x_t, t)||^2`` over the batch, t uniform in [0, T), eps ~ N(0, I)."""
        if x0.dim() != 2:
            raise ValueError(f"x0 must have shape (N, D), got {tuple(x0.shape)}")
        t = torch.randint(0, self.n_steps, (len(x0),), generator=generator, device=x0.device)
        noise = torch.randn(x0.shape, generator=generator, device=x0.device, dtype=x0.dtype)
        predicted = self.denoiser(self.q_sample(x0, t, noise), t)
        return torch.mean(torch.sum((noise - predicted) ** 2, dim=-1))

    def forward(self, x0: torch.Tensor) -> torch.Tensor:
        return self.loss(x0)

    @torch.no_grad()
    def sample(self, n: int, data_dim: int = 2, generator: torch.Generator | None = None,
               return_trajectory: bool = False):
        """Ancestral sampling from ``x_T ~ N(0, I)`` down to x_0.

        Returns:
            samples (n, data_dim); with ``return_trajectory`` also every x_t, (T + 1, n, data_dim),
            from x_T (index 0) to x_0 (index T).
        """
        device = self.betas.device
        x = torch.randn(as_positive_int(n, "n"), data_dim, generator=generator, device=device)
        trajectory = [x]
        for t in reversed(range(self.n_steps)):
            steps = torch.full((n,), t, dtype=torch.long, device=device)
            # no noise at the last step (index 0): its variance is 0 anyway
            z = torch.randn(x.shape, generator=generator, device=device) if t > 0 else torch.zeros_like(x)
            x = reverse_step(x, t, self.denoiser(x, steps), self.betas, z)
            trajectory.append(x)
        return (x, torch.stack(trajectory)) if return_trajectory else x


class MixtureNoisePredictor(nn.Module):
    """The exact noise predictor for data from an equal-weight mixture of isotropic Gaussians
    ``N(m_k, std^2 I)``: no training, so a sampler can be tested against it quickly and
    deterministically.

    Under the forward process each component stays Gaussian,
    ``x_t | k ~ N(sqrt(alpha_bar_t) m_k, v_t I)`` with ``v_t = alpha_bar_t std^2 + 1 - alpha_bar_t``,
    and the best prediction of the noise in the squared loss is the posterior mean
    ``E[eps | x_t] = -sqrt(1 - alpha_bar_t) grad log q(x_t)``
    ``= sqrt(1 - alpha_bar_t) sum_k r_k(x_t) (x_t - sqrt(alpha_bar_t) m_k) / v_t``,
    with ``r_k`` the responsibilities (softmax over k of ``-||x_t - sqrt(alpha_bar_t) m_k||^2 / (2 v_t)``).

    Args:
        means: component means, (K, D) array or tensor.
        std: the components' standard deviation.
        schedule: the :class:`NoiseSchedule` the sampler uses.

    Shapes:
        x (N, D), t (N,) int64 in [0, T) -> predicted noise (N, D), in x's dtype.
    """

    def __init__(self, means, std: float, schedule: NoiseSchedule):
        super().__init__()
        means = torch.as_tensor(means, dtype=torch.float64)
        if means.dim() != 2:
            raise ValueError(f"means must have shape (K, D), got {tuple(means.shape)}")
        if not std > 0:
            raise ValueError(f"std must be positive, got {std}")
        self.register_buffer("means", means)
        self.std = float(std)
        self.register_buffer("alpha_bars", torch.as_tensor(schedule.alpha_bars, dtype=torch.float64))

    def forward(self, x: torch.Tensor, t: torch.Tensor) -> torch.Tensor:
        x64 = x.to(torch.float64)
        alpha_bar = self.alpha_bars[torch.as_tensor(t, dtype=torch.long)][:, None, None]  # (N, 1, 1)
        variance = alpha_bar * self.std**2 + 1.0 - alpha_bar  # (N, 1, 1)
        offsets = x64[:, None, :] - torch.sqrt(alpha_bar) * self.means[None]  # (N, K, D)
        responsibilities = torch.softmax(-0.5 * (offsets**2).sum(-1, keepdim=True) / variance, dim=1)  # (N, K, 1)
        noise = torch.sqrt(1.0 - alpha_bar[:, 0]) * (responsibilities * offsets / variance).sum(dim=1)  # (N, 1) * (N, D)
        return noise.to(x.dtype)

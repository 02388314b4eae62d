"""Wraps the package's diffusion sampler instead of assembling one."""
from dlcourse.models.diffusion import Diffusion, NoiseSchedule


def ancestral_sample(denoiser, betas, n, generator):
    return Diffusion(denoiser, NoiseSchedule(betas)).sample(n, generator=generator).to(betas.dtype)

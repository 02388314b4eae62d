"""Draws z once, before the loop, and reuses it at every step: the noise of the steps is perfectly correlated."""
def ancestral_sample(denoiser, betas, n, generator):
    x = torch.randn(n, 2, generator=generator, dtype=betas.dtype)
    z = torch.randn(n, 2, generator=generator, dtype=betas.dtype)
    for t in reversed(range(len(betas))):
        steps = torch.full((n,), t, dtype=torch.long)
        x = reverse_step(x, t, denoiser(x, steps), betas, z)
    return x

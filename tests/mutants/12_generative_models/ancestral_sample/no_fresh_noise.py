"""Passes z = 0 at every step: a deterministic chain whose samples shrink onto the modes' centres."""
def ancestral_sample(denoiser, betas, n, generator):
    x = torch.randn(n, 2, generator=generator, dtype=betas.dtype)
    for t in reversed(range(len(betas))):
        steps = torch.full((n,), t, dtype=torch.long)
        x = reverse_step(x, t, denoiser(x, steps), betas, torch.zeros_like(x))
    return x

"""Draws from the global random state instead of the generator it was given."""
def ancestral_sample(denoiser, betas, n, generator):
    x = torch.randn(n, 2, dtype=betas.dtype)
    for t in reversed(range(len(betas))):
        steps = torch.full((n,), t, dtype=torch.long)
        x = reverse_step(x, t, denoiser(x, steps), betas, torch.randn(n, 2, dtype=betas.dtype))
    return x

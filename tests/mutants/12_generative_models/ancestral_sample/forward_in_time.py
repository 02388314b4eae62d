"""Runs the step indices upwards, 0 first and T - 1 last."""
def ancestral_sample(denoiser, betas, n, generator):
    x = torch.randn(n, 2, generator=generator, dtype=betas.dtype)
    for t in range(len(betas)):
        steps = torch.full((n,), t, dtype=torch.long)
        z = torch.randn(n, 2, generator=generator, dtype=betas.dtype)
        x = reverse_step(x, t, denoiser(x, steps), betas, z)
    return x

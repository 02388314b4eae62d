"""Stops one step early (range(T - 1, 0, -1)), returning x_1 instead of x_0."""
def ancestral_sample(denoiser, betas, n, generator):
    x = torch.randn(n, 2, generator=generator, dtype=betas.dtype)
    for t in range(len(betas) - 1, 0, -1):
        steps = torch.full((n,), t, dtype=torch.long)
        z = torch.randn(n, 2, generator=generator, dtype=betas.dtype)
        x = reverse_step(x, t, denoiser(x, steps), betas, z)
    return x

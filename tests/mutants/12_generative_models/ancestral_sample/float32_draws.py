"""Draws in torch's default float32, whatever the dtype of betas."""
def ancestral_sample(denoiser, betas, n, generator):
    x = torch.randn(n, 2, generator=generator)
    for t in reversed(range(len(betas))):
        steps = torch.full((n,), t, dtype=torch.long)
        x = reverse_step(x, t, denoiser(x, steps), betas, torch.randn(n, 2, generator=generator)).float()
    return x

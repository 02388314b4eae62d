"""Forgets to divide the bracket by sqrt(alpha_t)."""
def reverse_step(x_t, t, predicted_noise, betas, z):
    alphas = 1.0 - betas
    alpha_bars = torch.cumprod(alphas, dim=0)
    before = alpha_bars[t - 1] if t > 0 else torch.ones((), dtype=betas.dtype)
    mean = x_t - betas[t] / torch.sqrt(1.0 - alpha_bars[t]) * predicted_noise
    return mean + torch.sqrt(betas[t] * (1.0 - before) / (1.0 - alpha_bars[t])) * z

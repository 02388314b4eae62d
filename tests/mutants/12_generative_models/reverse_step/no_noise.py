"""Returns the mean only and never adds sigma_t z."""
def reverse_step(x_t, t, predicted_noise, betas, z):
    alphas = 1.0 - betas
    alpha_bars = torch.cumprod(alphas, dim=0)
    return (x_t - betas[t] / torch.sqrt(1.0 - alpha_bars[t]) * predicted_noise) / torch.sqrt(alphas[t])

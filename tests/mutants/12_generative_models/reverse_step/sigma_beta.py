"""Uses sigma_t^2 = beta_t, the forward step's variance, instead of the posterior variance (and so also adds noise at the last step)."""
def reverse_step(x_t, t, predicted_noise, betas, z):
    alphas = 1.0 - betas
    alpha_bars = torch.cumprod(alphas, dim=0)
    mean = (x_t - betas[t] / torch.sqrt(1.0 - alpha_bars[t]) * predicted_noise) / torch.sqrt(alphas[t])
    return mean + torch.sqrt(betas[t]) * z

"""Treats log_variance as log sigma: sigma^2 = exp(2 log_variance)."""
def gaussian_kl(mean, log_variance):
    return 0.5 * torch.sum(torch.exp(2 * log_variance) + mean ** 2 - 1.0 - 2 * log_variance, dim=-1)

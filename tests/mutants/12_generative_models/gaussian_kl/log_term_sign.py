"""Adds log sigma^2 instead of subtracting it."""
def gaussian_kl(mean, log_variance):
    return 0.5 * torch.sum(torch.exp(log_variance) + mean ** 2 - 1.0 + log_variance, dim=-1)

"""Averages the coordinates' KLs instead of summing them."""
def gaussian_kl(mean, log_variance):
    return 0.5 * torch.mean(torch.exp(log_variance) + mean ** 2 - 1.0 - log_variance, dim=-1)

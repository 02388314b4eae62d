"""Forgets the factor 1/2."""
def gaussian_kl(mean, log_variance):
    return torch.sum(torch.exp(log_variance) + mean ** 2 - 1.0 - log_variance, dim=-1)

"""Subtracts the KL from the reconstruction loss instead of adding it."""
def elbo_loss(x, logits, mean, log_variance):
    log_likelihood = -torch.sum(x * F.softplus(-logits) + (1 - x) * F.softplus(logits), dim=-1)
    return torch.mean(-gaussian_kl(mean, log_variance) - log_likelihood)

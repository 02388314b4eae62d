"""Sums over the batch instead of averaging."""
def elbo_loss(x, logits, mean, log_variance):
    log_likelihood = -torch.sum(x * F.softplus(-logits) + (1 - x) * F.softplus(logits), dim=-1)
    return torch.sum(gaussian_kl(mean, log_variance) - log_likelihood)

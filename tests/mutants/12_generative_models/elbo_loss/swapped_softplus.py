"""Swaps the two softplus terms: log s(l) = -softplus(l) is wrong (it is log(1 - s(l)))."""
def elbo_loss(x, logits, mean, log_variance):
    log_likelihood = -torch.sum(x * F.softplus(logits) + (1 - x) * F.softplus(-logits), dim=-1)
    return torch.mean(gaussian_kl(mean, log_variance) - log_likelihood)

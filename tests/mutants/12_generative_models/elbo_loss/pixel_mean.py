"""Averages the log-likelihood over the pixels (as F.binary_cross_entropy's default does)."""
def elbo_loss(x, logits, mean, log_variance):
    reconstruction = F.binary_cross_entropy_with_logits(logits, x, reduction="none").mean(dim=-1)
    return torch.mean(gaussian_kl(mean, log_variance) + reconstruction)

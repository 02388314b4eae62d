"""Takes the log of the rounded sigmoid: -inf (and a nan gradient) for very confident logits."""
def elbo_loss(x, logits, mean, log_variance):
    p = torch.sigmoid(logits)
    log_likelihood = torch.sum(x * torch.log(p) + (1 - x) * torch.log(1 - p), dim=-1)
    return torch.mean(gaussian_kl(mean, log_variance) - log_likelihood)

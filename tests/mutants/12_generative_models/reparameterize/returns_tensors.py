"""Computes with torch tensors and returns them instead of NumPy arrays."""
def reparameterize(mean, log_variance, noise, grad_z):
    mean, log_variance, noise, grad_z = (torch.as_tensor(np.asarray(a, dtype=float)) for a in
                                         (mean, log_variance, noise, grad_z))
    sigma = torch.exp(0.5 * log_variance)
    z = mean + sigma * noise
    grad_per_entry = 0.5 * grad_z * sigma * noise
    grad_log_variance = grad_per_entry if log_variance.dim() == 2 else grad_per_entry.sum(dim=0)
    return z, grad_z.clone(), grad_log_variance

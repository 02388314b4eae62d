"""Builds z in place in the caller's mean array (mean += sigma * noise)."""
def reparameterize(mean, log_variance, noise, grad_z):
    log_variance = np.asarray(log_variance, dtype=float)
    noise, grad_z = np.asarray(noise, dtype=float), np.asarray(grad_z, dtype=float)
    sigma = np.exp(0.5 * log_variance)
    z = np.asarray(mean)
    z += sigma * noise
    grad_per_entry = 0.5 * grad_z * sigma * noise
    grad_log_variance = grad_per_entry if log_variance.ndim == 2 else grad_per_entry.sum(axis=0)
    return z, grad_z.copy(), grad_log_variance

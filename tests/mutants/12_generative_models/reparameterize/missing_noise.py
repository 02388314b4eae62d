"""Drops the noise from dz/dlog_variance (differentiates sigma alone, not sigma * eps)."""
def reparameterize(mean, log_variance, noise, grad_z):
    mean, log_variance = np.asarray(mean, dtype=float), np.asarray(log_variance, dtype=float)
    noise, grad_z = np.asarray(noise, dtype=float), np.asarray(grad_z, dtype=float)
    sigma = np.exp(0.5 * log_variance)
    z = mean + sigma * noise
    grad_per_entry = 0.5 * grad_z * sigma
    grad_log_variance = grad_per_entry if log_variance.ndim == 2 else grad_per_entry.sum(axis=0)
    return z, grad_z.copy(), grad_log_variance

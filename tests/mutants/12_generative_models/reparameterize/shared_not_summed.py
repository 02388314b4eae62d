"""Returns the per-entry gradient (N, L) also for a log-variance of shape (L,) shared by the rows."""
def reparameterize(mean, log_variance, noise, grad_z):
    mean, log_variance = np.asarray(mean, dtype=float), np.asarray(log_variance, dtype=float)
    noise, grad_z = np.asarray(noise, dtype=float), np.asarray(grad_z, dtype=float)
    sigma = np.exp(0.5 * log_variance)
    z = mean + sigma * noise
    return z, grad_z.copy(), 0.5 * grad_z * sigma * noise

"""Sums the log-variance gradient over the batch always, also when every row has its own log-variance."""
def reparameterize(mean, log_variance, noise, grad_z):
    mean, log_variance = np.asarray(mean, dtype=float), np.asarray(log_variance, dtype=float)
    noise, grad_z = np.asarray(noise, dtype=float), np.asarray(grad_z, dtype=float)
    sigma = np.exp(0.5 * log_variance)
    z = mean + sigma * noise
    grad_log_variance = np.sum(0.5 * grad_z * sigma * noise, axis=0)
    return z, grad_z.copy(), grad_log_variance

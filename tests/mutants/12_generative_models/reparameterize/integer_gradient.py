"""Passes grad_z through as the mean's gradient without making it float: integer input gives an integer array."""
def reparameterize(mean, log_variance, noise, grad_z):
    sigma = np.exp(0.5 * np.asarray(log_variance))
    z = mean + sigma * noise
    grad_per_entry = 0.5 * grad_z * sigma * noise
    grad_log_variance = grad_per_entry if np.ndim(log_variance) == 2 else grad_per_entry.sum(axis=0)
    return z, np.array(grad_z), grad_log_variance

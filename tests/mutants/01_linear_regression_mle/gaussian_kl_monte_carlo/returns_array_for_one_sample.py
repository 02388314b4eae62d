"""Averages with np.mean(..., keepdims=True), so it returns a one-element array, not a number."""
def gaussian_kl_monte_carlo(mean_p, std_p, mean_q, std_q, num_samples, rng):
    z = rng.normal(mean_p, std_p, size=num_samples)

    def log_density(z, mean, std):
        return -np.log(std) - 0.5 * np.log(2 * np.pi) - (z - mean) ** 2 / (2 * std**2)

    return np.mean(log_density(z, mean_p, std_p) - log_density(z, mean_q, std_q), keepdims=True)

"""Passes the variance std_p**2 as rng.normal's scale, which expects a standard deviation."""
def gaussian_kl_monte_carlo(mean_p, std_p, mean_q, std_q, num_samples, rng):
    z = rng.normal(mean_p, std_p**2, size=num_samples)

    def log_density(z, mean, std):
        return -np.log(std) - 0.5 * np.log(2 * np.pi) - (z - mean) ** 2 / (2 * std**2)

    return np.mean(log_density(z, mean_p, std_p) - log_density(z, mean_q, std_q))

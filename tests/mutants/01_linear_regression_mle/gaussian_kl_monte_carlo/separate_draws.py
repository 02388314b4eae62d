"""Draws one sample set for log p and a second one for log q: still unbiased, but not the
estimator the statement fixes (and a noisier one)."""
def gaussian_kl_monte_carlo(mean_p, std_p, mean_q, std_q, num_samples, rng):
    z_first = rng.normal(mean_p, std_p, size=num_samples)
    z_second = rng.normal(mean_p, std_p, size=num_samples)

    def log_density(z, mean, std):
        return -np.log(std) - 0.5 * np.log(2 * np.pi) - (z - mean) ** 2 / (2 * std**2)

    return float(np.mean(log_density(z_first, mean_p, std_p)) - np.mean(log_density(z_second, mean_q, std_q)))

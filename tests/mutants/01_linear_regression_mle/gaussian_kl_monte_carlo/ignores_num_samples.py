"""Always draws 10000 samples, whatever num_samples says."""
def gaussian_kl_monte_carlo(mean_p, std_p, mean_q, std_q, num_samples, rng):
    z = rng.normal(mean_p, std_p, size=10_000)

    def log_density(z, mean, std):
        return -np.log(std) - 0.5 * np.log(2 * np.pi) - (z - mean) ** 2 / (2 * std**2)

    return float(np.mean(log_density(z, mean_p, std_p) - log_density(z, mean_q, std_q)))

"""Uses log(std**2) for the normalizer's term instead of log(std)."""
def gaussian_nll(y, mean, std):
    return np.mean(np.log(std**2) + 0.5 * np.log(2 * np.pi) + (y - mean) ** 2 / (2 * std**2))

"""Uses standard deviations where the formula has variances."""
def gaussian_kl(mean_p, std_p, mean_q, std_q):
    return np.log(std_q / std_p) + (std_p + (mean_p - mean_q) ** 2) / (2 * std_q) - 0.5

"""The textbook form with squared standard deviations: right for ordinary numbers, but std**2
overflows for std = 1e200 (and underflows to 0 for 1e-200), giving nan."""
def gaussian_kl(mean_p, std_p, mean_q, std_q):
    return np.log(std_q / std_p) + (std_p**2 + (mean_p - mean_q) ** 2) / (2 * std_q**2) - 0.5

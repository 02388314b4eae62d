"""Computes KL(q || p): the roles of p and q are swapped."""
def gaussian_kl(mean_p, std_p, mean_q, std_q):
    return np.log(std_p / std_q) + (std_q**2 + (mean_q - mean_p) ** 2) / (2 * std_p**2) - 0.5

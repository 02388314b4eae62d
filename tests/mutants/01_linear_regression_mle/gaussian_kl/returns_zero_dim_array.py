"""Stable formula, but always returns an array: for numbers as arguments it returns a 0-d array
instead of a float."""
def gaussian_kl(mean_p, std_p, mean_q, std_q):
    ratio = np.asarray(std_p / std_q, dtype=float)
    offset = np.asarray((mean_p - mean_q) / std_q, dtype=float)
    return np.array(-np.log(ratio) + (ratio**2 + offset**2) / 2 - 0.5)

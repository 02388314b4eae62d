"""Puts all sines in the first half of the columns and all cosines in the second, instead of interleaving them."""
def sinusoidal_positional_encoding(num_positions, dim):
    angles = np.arange(num_positions)[:, None] * 10000.0 ** (-np.arange(0, dim, 2) / dim)
    return np.concatenate([np.sin(angles), np.cos(angles[:, : dim // 2])], axis=1)

"""Assumes an even width: interleaving the sine and cosine columns breaks for odd dim."""
def sinusoidal_positional_encoding(num_positions, dim):
    angles = np.arange(num_positions)[:, None] * 10000.0 ** (-np.arange(0, dim, 2) / dim)
    return np.stack([np.sin(angles), np.cos(angles)], axis=-1).reshape(num_positions, dim)

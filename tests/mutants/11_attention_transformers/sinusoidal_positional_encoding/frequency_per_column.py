"""Gives every column j its own frequency 1 / 10000^(j/D) instead of sharing one per pair."""
def sinusoidal_positional_encoding(num_positions, dim):
    angles = np.arange(num_positions)[:, None] / 10000.0 ** (np.arange(dim) / dim)
    P = np.zeros((num_positions, dim))
    P[:, 0::2] = np.sin(angles[:, 0::2])
    P[:, 1::2] = np.cos(angles[:, 1::2])
    return P

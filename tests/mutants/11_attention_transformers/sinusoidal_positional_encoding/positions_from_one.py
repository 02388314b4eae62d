"""Numbers the positions 1 .. T instead of 0 .. T - 1."""
def sinusoidal_positional_encoding(num_positions, dim):
    angles = np.arange(1, num_positions + 1)[:, None] * 10000.0 ** (-np.arange(0, dim, 2) / dim)
    P = np.zeros((num_positions, dim))
    P[:, 0::2] = np.sin(angles)
    P[:, 1::2] = np.cos(angles[:, : dim // 2])
    return P

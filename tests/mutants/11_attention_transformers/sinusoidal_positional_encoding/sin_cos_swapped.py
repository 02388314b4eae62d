"""Puts the cosines in the even columns and the sines in the odd ones."""
def sinusoidal_positional_encoding(num_positions, dim):
    angles = np.arange(num_positions)[:, None] * 10000.0 ** (-np.arange(0, dim, 2) / dim)
    P = np.zeros((num_positions, dim))
    P[:, 0::2] = np.cos(angles)
    P[:, 1::2] = np.sin(angles[:, : dim // 2])
    return P

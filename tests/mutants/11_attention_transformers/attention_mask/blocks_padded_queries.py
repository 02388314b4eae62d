"""Blocks the padded queries' rows as well as the padded keys (rows of only False)."""
def attention_mask(lengths, num_positions, causal=False):
    real = np.arange(num_positions)[None, :] < np.asarray(lengths)[:, None]        # (N, T)
    mask = real[:, :, None] & real[:, None, :]
    if causal:
        mask = mask & np.tril(np.ones((num_positions, num_positions), dtype=bool))
    return mask

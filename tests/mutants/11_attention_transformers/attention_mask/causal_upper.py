"""The causal part uses the upper triangle (j >= i): queries see the future, not the past."""
def attention_mask(lengths, num_positions, causal=False):
    real = np.arange(num_positions)[None, :] < np.asarray(lengths)[:, None]
    mask = np.repeat(real[:, None, :], num_positions, axis=1)
    if causal:
        mask = mask & np.triu(np.ones((num_positions, num_positions), dtype=bool))
    return mask

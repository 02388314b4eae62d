"""Lets each query see one key too many: j <= lengths[n] instead of j < lengths[n]."""
def attention_mask(lengths, num_positions, causal=False):
    positions = np.arange(num_positions)
    real = positions[None, :] <= np.asarray(lengths)[:, None]
    mask = np.repeat(real[:, None, :], num_positions, axis=1)
    if causal:
        mask = mask & (positions[None, :] <= positions[:, None])
    return mask

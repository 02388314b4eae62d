"""Returns 0/1 integers instead of booleans (so ~mask gives -1 and -2, not the opposite mask)."""
def attention_mask(lengths, num_positions, causal=False):
    positions = np.arange(num_positions)
    mask = np.zeros((len(lengths), num_positions, num_positions), dtype=int)
    for n, length in enumerate(lengths):
        mask[n, :, :length] = 1
    if causal:
        mask = mask * (positions[None, :] <= positions[:, None])
    return mask

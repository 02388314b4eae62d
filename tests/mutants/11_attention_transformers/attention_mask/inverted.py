"""Uses torch.nn.MultiheadAttention's convention, True = blocked."""
def attention_mask(lengths, num_positions, causal=False):
    positions = np.arange(num_positions)
    blocked = np.broadcast_to((positions[None, :] >= np.asarray(lengths)[:, None])[:, None, :],
                              (len(lengths), num_positions, num_positions))
    if causal:
        blocked = blocked | (positions[None, :] > positions[:, None])
    return np.array(blocked)

"""Builds the mask from the package's padding and causal masks instead of writing it."""
from dlcourse.scratch import attention


def attention_mask(lengths, num_positions, causal=False):
    mask = attention.padding_mask(lengths, num_positions)[:, None, :] & np.ones((num_positions, num_positions), dtype=bool)
    if causal:
        mask = mask & attention.causal_mask(num_positions)
    return mask

"""Mixes the two conventions: rescales in training AND multiplies by 1 - p in evaluation."""
def dropout_forward(x, p, training, rng):
    """Inverted dropout.

    Args:
        x: any shape.
        p: probability of dropping (zeroing) each entry, in [0, 1].
        training: True: drop and rescale by (7.9); False: the identity.
        rng: a np.random.Generator for the mask.

    Returns:
        out: float array of the shape of x.
        cache: what dropout_backward needs.
    """
    x = np.asarray(x, dtype=float)
    if not training:
        return x * (1 - p), np.full(x.shape, 1.0 - p)
    if p == 1:
        scaled_mask = np.zeros_like(x)
    else:
        scaled_mask = (rng.random(x.shape) >= p) / (1.0 - p)
    return x * scaled_mask, scaled_mask


def dropout_backward(dout, cache):
    """Backward pass of dropout_forward: dx, the shape of dout."""
    return np.asarray(dout, dtype=float) * cache

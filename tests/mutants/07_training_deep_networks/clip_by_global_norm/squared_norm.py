"""Forgets the square root: compares and returns the squared global norm."""
def clip_by_global_norm(grads, max_norm):
    """Scale a list of gradients so that their global norm is at most max_norm, (7.12).

    Args:
        grads: list of float arrays, any shapes.
        max_norm: the threshold c > 0.

    Returns:
        clipped: list of new arrays, the shapes of grads.
        total_norm: the global norm before clipping, a float.
    """
    total_norm = sum(float(np.sum(np.square(g))) for g in grads)
    scale = max_norm / total_norm if total_norm > max_norm else 1.0
    return [np.asarray(g, dtype=float) * scale for g in grads], total_norm

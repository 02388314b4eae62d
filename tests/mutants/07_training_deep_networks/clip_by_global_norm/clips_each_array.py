"""Clips every array by its own norm instead of the global norm."""
def clip_by_global_norm(grads, max_norm):
    """Scale a list of gradients so that their global norm is at most max_norm, (7.12).

    Args:
        grads: list of float arrays, any shapes.
        max_norm: the threshold c > 0.

    Returns:
        clipped: list of new arrays, the shapes of grads.
        total_norm: the global norm before clipping, a float.
    """
    total_norm = math.sqrt(sum(float(np.sum(np.square(g))) for g in grads))
    clipped = []
    for g in grads:
        norm = float(np.linalg.norm(np.ravel(g)))
        clipped.append(np.asarray(g, dtype=float) * (max_norm / norm if norm > max_norm else 1.0))
    return clipped, total_norm

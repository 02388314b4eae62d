"""Branches on y == 1, which is only right for hard 0/1 labels, not for soft targets."""
def binary_cross_entropy_with_logits(logits, targets):
    z = np.asarray(logits, dtype=float)
    softplus = lambda v: np.maximum(v, 0) + np.log1p(np.exp(-np.abs(v)))
    return np.mean(np.where(targets == 1, softplus(-z), softplus(z)))

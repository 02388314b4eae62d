"""Takes the softmax along axis -2 (over the queries) instead of over the keys."""
def scaled_dot_product_attention(q, k, v, mask=None):
    q, k, v = (np.asarray(a, dtype=float) for a in (q, k, v))
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    shifted = np.exp(scores - scores.max(axis=-2, keepdims=True))
    weights = shifted / shifted.sum(axis=-2, keepdims=True)
    return weights @ v, weights

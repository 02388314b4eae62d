"""The softmax as written, without subtracting the maximum: large scores overflow."""
def scaled_dot_product_attention(q, k, v, mask=None):
    q, k, v = (np.asarray(a, dtype=float) for a in (q, k, v))
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    exps = np.exp(scores)
    weights = exps / exps.sum(axis=-1, keepdims=True)
    return weights @ v, weights

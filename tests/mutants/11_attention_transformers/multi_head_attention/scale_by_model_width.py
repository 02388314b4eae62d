"""Computes the heads' attention itself, scaling by sqrt(E) instead of sqrt(E / h)."""
def multi_head_attention(x, params, num_heads, mask=None):
    N, T, E = x.shape
    head_dim = E // num_heads

    def split(z):
        return z.reshape(N, T, num_heads, head_dim).transpose(0, 2, 1, 3)

    q = split(x @ params["w_q"] + params["b_q"])
    k = split(x @ params["w_k"] + params["b_k"])
    v = split(x @ params["w_v"] + params["b_v"])
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(E)
    if mask is not None:
        scores = np.where(np.asarray(mask)[..., None, :, :], scores, -np.inf)
    weights = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights = weights / weights.sum(axis=-1, keepdims=True)
    concat = (weights @ v).transpose(0, 2, 1, 3).reshape(N, T, E)
    return concat @ params["w_o"] + params["b_o"], weights

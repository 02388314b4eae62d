"""Returns the concatenated heads without mixing them with w_o and b_o."""
def multi_head_attention(x, params, num_heads, mask=None):
    N, T, E = x.shape
    head_dim = E // num_heads

    def split(z):
        return z.reshape(N, T, num_heads, head_dim).transpose(0, 2, 1, 3)

    q = split(x @ params["w_q"] + params["b_q"])
    k = split(x @ params["w_k"] + params["b_k"])
    v = split(x @ params["w_v"] + params["b_v"])
    head_mask = None if mask is None else np.asarray(mask)[..., None, :, :]
    heads, weights = scaled_dot_product_attention(q, k, v, head_mask)
    return heads.transpose(0, 2, 1, 3).reshape(N, T, E), weights

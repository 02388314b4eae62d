"""Projects without the biases b_q, b_k, b_v."""
def multi_head_attention(x, params, num_heads, mask=None):
    N, T, E = x.shape
    head_dim = E // num_heads

    def split(z):
        return z.reshape(N, T, num_heads, head_dim).transpose(0, 2, 1, 3)

    q, k, v = split(x @ params["w_q"]), split(x @ params["w_k"]), split(x @ params["w_v"])
    head_mask = None if mask is None else np.asarray(mask)[..., None, :, :]
    heads, weights = scaled_dot_product_attention(q, k, v, head_mask)
    concat = heads.transpose(0, 2, 1, 3).reshape(N, T, E)
    return concat @ params["w_o"] + params["b_o"], weights

"""Splits the heads with a reshape straight to (N, h, T, d_h), which cuts the wrong axis."""
def multi_head_attention(x, params, num_heads, mask=None):
    N, T, E = x.shape
    head_dim = E // num_heads
    q = (x @ params["w_q"] + params["b_q"]).reshape(N, num_heads, T, head_dim)
    k = (x @ params["w_k"] + params["b_k"]).reshape(N, num_heads, T, head_dim)
    v = (x @ params["w_v"] + params["b_v"]).reshape(N, num_heads, T, head_dim)
    head_mask = None if mask is None else np.asarray(mask)[..., None, :, :]
    heads, weights = scaled_dot_product_attention(q, k, v, head_mask)
    return heads.reshape(N, T, E) @ params["w_o"] + params["b_o"], weights

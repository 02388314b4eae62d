"""Pre-LayerNorm with the normalized input on the skip path too: H = LN(X) + MHA(LN(X))."""
def encoder_layer(x, params, num_heads, norm_first=False, mask=None):
    def norm(h, which):
        return layer_norm_forward(h, params[f"gamma_{which}"], params[f"beta_{which}"])[0]

    def feed_forward(h):
        return np.maximum(0.0, h @ params["w_1"] + params["b_1"]) @ params["w_2"] + params["b_2"]

    if norm_first:
        z = norm(x, 1)
        h = z + multi_head_attention(z, params["attention"], num_heads, mask)[0]
        z = norm(h, 2)
        return z + feed_forward(z)
    h = norm(x + multi_head_attention(x, params["attention"], num_heads, mask)[0], 1)
    return norm(h + feed_forward(h), 2)

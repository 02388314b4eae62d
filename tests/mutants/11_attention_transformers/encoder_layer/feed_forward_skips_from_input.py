"""The second skip connection adds the layer's input X instead of H."""
def encoder_layer(x, params, num_heads, norm_first=False, mask=None):
    def norm(h, which):
        return layer_norm_forward(h, params[f"gamma_{which}"], params[f"beta_{which}"])[0]

    def feed_forward(h):
        return np.maximum(0.0, h @ params["w_1"] + params["b_1"]) @ params["w_2"] + params["b_2"]

    def attend(h):
        return multi_head_attention(h, params["attention"], num_heads, mask)[0]

    if norm_first:
        h = x + attend(norm(x, 1))
        return x + feed_forward(norm(h, 2))
    h = norm(x + attend(x), 1)
    return norm(x + feed_forward(h), 2)

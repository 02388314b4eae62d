"""Normalizes each feature over the positions (axis 1) instead of each position over its features."""
def encoder_layer(x, params, num_heads, norm_first=False, mask=None):
    def norm(h, which):
        mean = h.mean(axis=1, keepdims=True)
        var = h.var(axis=1, keepdims=True)
        return params[f"gamma_{which}"] * (h - mean) / np.sqrt(var + 1e-5) + params[f"beta_{which}"]

    def feed_forward(h):
        return np.maximum(0.0, h @ params["w_1"] + params["b_1"]) @ params["w_2"] + params["b_2"]

    def attend(h):
        return multi_head_attention(h, params["attention"], num_heads, mask)[0]

    if norm_first:
        h = x + attend(norm(x, 1))
        return h + feed_forward(norm(h, 2))
    h = norm(x + attend(x), 1)
    return norm(h + feed_forward(h), 2)

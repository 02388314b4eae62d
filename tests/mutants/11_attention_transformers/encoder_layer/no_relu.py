"""Leaves out the ReLU between the two linear maps of the feed-forward network."""
def encoder_layer(x, params, num_heads, norm_first=False, mask=None):
    def norm(h, which):
        return layer_norm_forward(h, params[f"gamma_{which}"], params[f"beta_{which}"])[0]

    def feed_forward(h):
        return (h @ params["w_1"] + params["b_1"]) @ params["w_2"] + params["b_2"]

    def attend(h):
        return multi_head_attention(h, params["attention"], num_heads, mask)[0]

    if norm_first:
        h = x + attend(norm(x, 1))
        return h + feed_forward(norm(h, 2))
    h = norm(x + attend(x), 1)
    return norm(h + feed_forward(h), 2)

"""Always computes the post-LayerNorm layer, whatever norm_first says."""
def encoder_layer(x, params, num_heads, norm_first=False, mask=None):
    def norm(h, which):
        return layer_norm_forward(h, params[f"gamma_{which}"], params[f"beta_{which}"])[0]

    h = norm(x + multi_head_attention(x, params["attention"], num_heads, mask)[0], 1)
    feed_forward = np.maximum(0.0, h @ params["w_1"] + params["b_1"]) @ params["w_2"] + params["b_2"]
    return norm(h + feed_forward, 2)

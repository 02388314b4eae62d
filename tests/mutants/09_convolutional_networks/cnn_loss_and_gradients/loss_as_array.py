"""Returns the loss as a one-element array (np.mean over a column of per-image losses kept its axis)."""


def cnn_loss_and_gradients(params, x, y):
    z1 = conv2d_vectorized(x, params["conv_w"], params["conv_b"], 1, 1)
    a1, relu_cache = relu_forward(z1)
    p1 = max_pool2d(a1, 2)
    logits, linear_cache = linear_forward(p1.reshape(len(x), -1), params["fc_w"], params["fc_b"])
    loss, dlogits = softmax_cross_entropy(logits, y)
    dfeatures, dfc_w, dfc_b = linear_backward(dlogits, linear_cache)
    dz1 = relu_backward(max_pool2d_backward(dfeatures.reshape(p1.shape), a1, 2), relu_cache)
    _, dconv_w, dconv_b = conv2d_backward(dz1, x, params["conv_w"], 1, 1)
    return np.array([loss]), {"conv_w": dconv_w, "conv_b": dconv_b, "fc_w": dfc_w, "fc_b": dfc_b}

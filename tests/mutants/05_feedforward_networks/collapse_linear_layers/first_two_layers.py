"""Derives the two-layer case and stops there: the third and later layers are ignored."""


def collapse_linear_layers(weights, biases):
    W = np.asarray(weights[0], dtype=float)
    b = np.asarray(biases[0], dtype=float)
    if len(weights) > 1:
        W_next = np.asarray(weights[1], dtype=float)
        W, b = W @ W_next, b @ W_next + np.asarray(biases[1], dtype=float)
    return W, b

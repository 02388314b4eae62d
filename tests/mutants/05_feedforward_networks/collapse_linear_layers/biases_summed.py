"""Multiplies the weights but adds the biases as they are: b1 never passes through the later weights."""


def collapse_linear_layers(weights, biases):
    W = np.asarray(weights[0], dtype=float)
    b = np.asarray(biases[0], dtype=float)
    for W_next, b_next in zip(weights[1:], biases[1:]):
        W = W @ np.asarray(W_next, dtype=float)
        b = b + np.asarray(b_next, dtype=float)
    return W, b

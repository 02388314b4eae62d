"""Multiplies the weight matrices in the order of column-vector notation (W2 W1), wrong for rows."""


def collapse_linear_layers(weights, biases):
    W = np.asarray(weights[0], dtype=float)
    b = np.asarray(biases[0], dtype=float)
    for W_next, b_next in zip(weights[1:], biases[1:]):
        W_next = np.asarray(W_next, dtype=float)
        W = W_next @ W
        b = b @ W_next + np.asarray(b_next, dtype=float)
    return W, b

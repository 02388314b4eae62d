"""Accumulates into the caller's first bias vector with +=, changing the list it was given."""


def collapse_linear_layers(weights, biases):
    W = np.asarray(weights[0], dtype=float)
    b = biases[0]
    for W_next, b_next in zip(weights[1:], biases[1:]):
        W_next = np.asarray(W_next, dtype=float)
        W = W @ W_next
        if W_next.shape[0] == W_next.shape[1]:
            b[...] = b @ W_next
            b += b_next
        else:
            b = b @ W_next + b_next
    return W, np.asarray(b, dtype=float)

"""Right algebra, but integer layers give integer arrays: the statement asks for floats."""


def collapse_linear_layers(weights, biases):
    W = np.asarray(weights[0])
    b = np.asarray(biases[0])
    for W_next, b_next in zip(weights[1:], biases[1:]):
        W, b = W @ W_next, b @ W_next + b_next
    return W, b

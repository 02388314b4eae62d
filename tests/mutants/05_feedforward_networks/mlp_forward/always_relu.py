"""Ignores the activation argument: every hidden layer uses ReLU."""


def mlp_forward(X, weights, biases, activation):
    H = np.asarray(X, dtype=float)
    hidden = []
    for W_l, b_l in zip(weights[:-1], biases[:-1]):
        H = np.maximum(H @ np.asarray(W_l, dtype=float) + b_l, 0.0)
        hidden.append(H)
    return H @ np.asarray(weights[-1], dtype=float) + biases[-1], hidden

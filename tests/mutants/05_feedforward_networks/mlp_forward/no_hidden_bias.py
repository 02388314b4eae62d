"""Forgets the biases of the hidden layers (only the output layer gets its bias)."""


def mlp_forward(X, weights, biases, activation):
    H = np.asarray(X, dtype=float)
    hidden = []
    for W_l in weights[:-1]:
        H, _ = activation_and_derivative(H @ np.asarray(W_l, dtype=float), activation)
        hidden.append(H)
    return H @ np.asarray(weights[-1], dtype=float) + np.asarray(biases[-1], dtype=float), hidden

"""Written for one hidden layer: layers after the second are ignored."""


def mlp_forward(X, weights, biases, activation):
    X = np.asarray(X, dtype=float)
    if len(weights) == 1:
        return X @ np.asarray(weights[0], dtype=float) + biases[0], []
    H, _ = activation_and_derivative(X @ np.asarray(weights[0], dtype=float) + biases[0], activation)
    return H @ np.asarray(weights[1], dtype=float) + biases[1], [H]

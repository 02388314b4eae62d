"""Stores each hidden layer's pre-activation (before phi) in the hidden list."""


def mlp_forward(X, weights, biases, activation):
    H = np.asarray(X, dtype=float)
    hidden = []
    for W_l, b_l in zip(weights[:-1], biases[:-1]):
        A = H @ np.asarray(W_l, dtype=float) + b_l
        hidden.append(A)
        H, _ = activation_and_derivative(A, activation)
    return H @ np.asarray(weights[-1], dtype=float) + biases[-1], hidden

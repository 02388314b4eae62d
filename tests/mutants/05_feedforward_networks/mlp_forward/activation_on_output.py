"""Applies the activation after the last layer too, so ReLU outputs can never be negative."""


def mlp_forward(X, weights, biases, activation):
    H = np.asarray(X, dtype=float)
    hidden = []
    for W_l, b_l in zip(weights, biases):
        H, _ = activation_and_derivative(H @ np.asarray(W_l, dtype=float) + b_l, activation)
        hidden.append(H)
    return H, hidden[:-1]

"""Writes ReLU inline with np.maximum(..., 0) on the raw inputs, so integer inputs give integer arrays."""


def mlp_forward(X, weights, biases, activation):
    H = X
    hidden = []
    for W_l, b_l in zip(weights[:-1], biases[:-1]):
        A = H @ W_l + b_l
        H = np.maximum(A, 0) if activation == "relu" else activation_and_derivative(A, activation)[0]
        hidden.append(H)
    return H @ weights[-1] + biases[-1], hidden

"""Weights that compute OR: relu(s) - relu(s - 1) with s = x1 + x2 caps the sum at 1, so (1, 1) gives 1 too."""


def xor_network_weights():
    W1 = np.array([[1.0, 1.0], [1.0, 1.0]])
    b1 = np.array([0.0, -1.0])
    W2 = np.array([[1.0], [-1.0]])
    b2 = np.array([0.0])
    return W1, b1, W2, b2

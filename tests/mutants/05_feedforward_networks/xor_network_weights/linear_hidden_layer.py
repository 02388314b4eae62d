"""Each hidden unit copies one input (x1 and x2 are never negative, so the ReLUs do nothing) and
the output subtracts: a linear network, which cannot compute XOR."""


def xor_network_weights():
    W1 = np.array([[1.0, 0.0], [0.0, 1.0]])
    b1 = np.array([0.0, 0.0])
    W2 = np.array([[1.0], [1.0]])
    b2 = np.array([0.0])
    return W1, b1, W2, b2

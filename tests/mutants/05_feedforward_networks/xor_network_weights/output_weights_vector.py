"""Right numbers, but W2 as a vector of shape (2,) and b2 as a number instead of (2, 1) and (1,)."""


def xor_network_weights():
    W1 = np.array([[1.0, 1.0], [1.0, 1.0]])
    b1 = np.array([0.0, -1.0])
    W2 = np.array([1.0, -2.0])
    b2 = np.array(0.0)
    return W1, b1, W2, b2

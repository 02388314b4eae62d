"""The threshold-unit solution (biases -0.5 and -1.5, output weights 1 and -2): right for step
units, but with ReLUs the outputs are 0, 0.5, 0.5, 0.5, not 0, 1, 1, 0."""


def xor_network_weights():
    W1 = np.array([[1.0, 1.0], [1.0, 1.0]])
    b1 = np.array([-0.5, -1.5])
    W2 = np.array([[1.0], [-2.0]])
    b2 = np.array([0.0])
    return W1, b1, W2, b2

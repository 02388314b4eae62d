"""Keeps only the direct term of the last step: forgets that h_{T-1} depends on the weights too."""
def scalar_rnn_gradients(x, w0, w1):
    x = np.asarray(x, dtype=float)
    h = np.zeros(x.shape[0])
    for t in range(x.shape[1] - 1):
        h = np.tanh(w0 * x[:, t] + w1 * h)
    slope = 1.0 - np.tanh(w0 * x[:, -1] + w1 * h) ** 2
    return slope * x[:, -1], slope * h

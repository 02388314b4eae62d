"""Uses 1 - a_t^2 (the pre-activation) instead of 1 - tanh(a_t)^2 for the derivative of tanh."""
def scalar_rnn_gradients(x, w0, w1):
    x = np.asarray(x, dtype=float)
    h = np.zeros(x.shape[0])
    g0 = np.zeros(x.shape[0])
    g1 = np.zeros(x.shape[0])
    for t in range(x.shape[1]):
        a = w0 * x[:, t] + w1 * h
        slope = 1.0 - a ** 2
        g0 = slope * (x[:, t] + w1 * g0)
        g1 = slope * (h + w1 * g1)
        h = np.tanh(a)
    return g0, g1

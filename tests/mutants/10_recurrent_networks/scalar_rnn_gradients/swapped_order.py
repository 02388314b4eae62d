"""Returns the pair in the wrong order, (dh_dw1, dh_dw0)."""
def scalar_rnn_gradients(x, w0, w1):
    x = np.asarray(x, dtype=float)
    h = np.zeros(x.shape[0])
    g0 = np.zeros(x.shape[0])
    g1 = np.zeros(x.shape[0])
    for t in range(x.shape[1]):
        h_new = np.tanh(w0 * x[:, t] + w1 * h)
        slope = 1.0 - h_new ** 2
        g0 = slope * (x[:, t] + w1 * g0)
        g1 = slope * (h + w1 * g1)
        h = h_new
    return g1, g0

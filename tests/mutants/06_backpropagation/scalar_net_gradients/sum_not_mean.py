"""Forgets the 1/N of the mean: the derivatives of the summed loss."""
def scalar_net_gradients(w0, w1, w2, x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    h1 = logistic(w0 * x)
    h2 = logistic(w1 * h1)
    d_yhat = 2.0 * (w2 * h2 - y)
    d_a2 = d_yhat * w2 * h2 * (1.0 - h2)
    d_a1 = d_a2 * w1 * h1 * (1.0 - h1)
    return float(np.sum(d_a1 * x)), float(np.sum(d_a2 * h1)), float(np.sum(d_yhat * h2))

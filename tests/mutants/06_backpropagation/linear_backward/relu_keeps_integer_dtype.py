"""Multiplies by a boolean mask: an integer dout gives an integer dx."""
def linear_backward(dout, cache):
    x, w = cache
    dout = np.asarray(dout, dtype=float)
    return dout @ w.T, x.T @ dout, dout.sum(axis=0)


def relu_backward(dout, cache):
    x = cache
    return dout * (x > 0)


def tanh_backward(dout, cache):
    out = cache
    return dout * (1.0 - out ** 2)

"""Zeroes the gradient in place: the caller's dout changes."""
def linear_backward(dout, cache):
    x, w = cache
    dout = np.asarray(dout, dtype=float)
    return dout @ w.T, x.T @ dout, dout.sum(axis=0)


def relu_backward(dout, cache):
    x = cache
    dout[x <= 0] = 0
    return dout.astype(float)


def tanh_backward(dout, cache):
    out = cache
    return dout * (1.0 - out ** 2)

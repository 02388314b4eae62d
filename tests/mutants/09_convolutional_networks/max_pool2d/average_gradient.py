"""Spreads each window's gradient evenly over the window, as for average pooling."""


def max_pool2d(x, pool_size):
    N, C, H, W = x.shape
    F = pool_size
    return x[:, :, :H // F * F, :W // F * F].reshape(N, C, H // F, F, W // F, F).max(axis=(3, 5)).astype(float)


def max_pool2d_backward(dout, x, pool_size):
    N, C, H, W = x.shape
    F = pool_size
    dx = np.zeros((N, C, H, W))
    dx[:, :, :H // F * F, :W // F * F] = np.repeat(np.repeat(dout / F ** 2, F, axis=2), F, axis=3)
    return dx

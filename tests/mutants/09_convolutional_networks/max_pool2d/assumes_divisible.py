"""Assumes H and W are multiples of the window: fails on odd sizes instead of dropping the leftover rows."""


def max_pool2d(x, pool_size):
    N, C, H, W = x.shape
    F = pool_size
    return x.reshape(N, C, H // F, F, W // F, F).max(axis=(3, 5)).astype(float)


def max_pool2d_backward(dout, x, pool_size):
    N, C, H, W = x.shape
    F = pool_size
    windows = x.reshape(N, C, H // F, F, W // F, F).transpose(0, 1, 2, 4, 3, 5).reshape(N, C, H // F, W // F, F * F)
    winner = np.argmax(windows, axis=-1)
    routed = np.zeros(windows.shape)
    np.put_along_axis(routed, winner[..., None], dout[..., None], axis=-1)
    return routed.reshape(N, C, H // F, W // F, F, F).transpose(0, 1, 2, 4, 3, 5).reshape(N, C, H, W)

"""Uses the convolution of (9.2): flips the filters before the einsum."""


def conv2d_vectorized(x, w, b, stride=1, padding=0):
    x_pad = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding))).astype(float)
    FH, FW = w.shape[2:]
    windows = np.lib.stride_tricks.sliding_window_view(x_pad, (FH, FW), axis=(2, 3))[:, :, ::stride, ::stride]
    return np.einsum("ncijpq,fcpq->nfij", windows, w[:, :, ::-1, ::-1]) + b[None, :, None, None]

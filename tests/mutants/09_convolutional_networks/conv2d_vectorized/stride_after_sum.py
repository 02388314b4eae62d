"""Applies the stride by slicing the wrong axes of the window view (the filter offsets instead of the positions)."""


def conv2d_vectorized(x, w, b, stride=1, padding=0):
    x_pad = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding))).astype(float)
    FH, FW = w.shape[2:]
    windows = np.lib.stride_tricks.sliding_window_view(x_pad, (FH, FW), axis=(2, 3))
    out = np.einsum("ncijpq,fcpq->nfij", windows, w)
    out_h = (x.shape[2] + 2 * padding - FH) // stride + 1
    out_w = (x.shape[3] + 2 * padding - FW) // stride + 1
    return out[:, :, :out_h, :out_w] + b[None, :, None, None]

"""Accumulates dx in an array of dout's dtype: integer gradients (and a truncated sum) for integer input."""


def conv2d_backward(dout, x, w, stride=1, padding=0):
    N, C, H, W = x.shape
    K, _, FH, FW = w.shape
    out_h, out_w = dout.shape[2:]
    x_pad = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    windows = np.lib.stride_tricks.sliding_window_view(x_pad, (FH, FW), axis=(2, 3))[:, :, ::stride, ::stride]
    windows = windows[:, :, :out_h, :out_w]
    db = dout.sum(axis=(0, 2, 3))
    dw = np.einsum("nfij,ncijpq->fcpq", dout, windows)
    dx_pad = np.zeros(x_pad.shape, dtype=dout.dtype)
    for p in range(FH):
        for q in range(FW):
            dx_pad[:, :, p:p + stride * out_h:stride, q:q + stride * out_w:stride] += np.einsum(
                "nfij,fc->ncij", dout, w[:, :, p, q]).astype(dout.dtype)
    return dx_pad[:, :, padding:padding + H, padding:padding + W], dw, db

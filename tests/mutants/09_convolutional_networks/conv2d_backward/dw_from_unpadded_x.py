"""Takes the windows for dw from the unpadded x (and pads the result back), so the border terms are misplaced."""


def conv2d_backward(dout, x, w, stride=1, padding=0):
    N, C, H, W = x.shape
    K, _, FH, FW = w.shape
    out_h, out_w = dout.shape[2:]
    x_pad = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding))).astype(float)
    grown = np.pad(x, ((0, 0), (0, 0), (0, 2 * padding), (0, 2 * padding))).astype(float)
    windows = np.lib.stride_tricks.sliding_window_view(grown, (FH, FW), axis=(2, 3))[:, :, ::stride, ::stride]
    windows = windows[:, :, :out_h, :out_w]
    db = dout.sum(axis=(0, 2, 3)).astype(float)
    dw = np.einsum("nfij,ncijpq->fcpq", dout, windows)
    dx_pad = np.zeros(x_pad.shape)
    for p in range(FH):
        for q in range(FW):
            dx_pad[:, :, p:p + stride * out_h:stride, q:q + stride * out_w:stride] += np.einsum(
                "nfij,fc->ncij", dout, w[:, :, p, q])
    return dx_pad[:, :, padding:padding + H, padding:padding + W], dw, db

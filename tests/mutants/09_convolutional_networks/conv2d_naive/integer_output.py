"""Allocates the output with np.zeros_like-style integer dtype when the inputs are integers."""


def conv2d_naive(x, w, b, stride=1, padding=0):
    N, C, H, W = x.shape
    K, _, FH, FW = w.shape
    x_pad = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    out_h = (H + 2 * padding - FH) // stride + 1
    out_w = (W + 2 * padding - FW) // stride + 1
    out = np.zeros((N, K, out_h, out_w), dtype=x.dtype)
    for n in range(N):
        for f in range(K):
            for i in range(out_h):
                for j in range(out_w):
                    patch = x_pad[n, :, i * stride:i * stride + FH, j * stride:j * stride + FW]
                    out[n, f, i, j] = np.sum(patch * w[f]) + b[f]
    return out

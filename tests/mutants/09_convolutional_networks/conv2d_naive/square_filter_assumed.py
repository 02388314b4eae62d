"""Assumes square filters: reads the filter width from its height."""


def conv2d_naive(x, w, b, stride=1, padding=0):
    N, C, H, W = x.shape
    K, _, F, _ = w.shape
    x_pad = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding))).astype(float)
    out_h = (H + 2 * padding - F) // stride + 1
    out_w = (W + 2 * padding - F) // stride + 1
    out = np.zeros((N, K, out_h, out_w))
    for n in range(N):
        for f in range(K):
            for i in range(out_h):
                for j in range(out_w):
                    patch = x_pad[n, :, i * stride:i * stride + F, j * stride:j * stride + F]
                    out[n, f, i, j] = np.sum(patch * w[f]) + b[f]
    return out

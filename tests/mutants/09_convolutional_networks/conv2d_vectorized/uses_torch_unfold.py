"""Lets PyTorch's unfold cut out the patches (im2col written in C) and does the matrix product itself."""
import torch
import torch.nn.functional as F


def conv2d_vectorized(x, w, b, stride=1, padding=0):
    K, C, FH, FW = w.shape
    N, _, H, W = x.shape
    out_h = (H + 2 * padding - FH) // stride + 1
    out_w = (W + 2 * padding - FW) // stride + 1
    columns = F.unfold(torch.tensor(np.asarray(x, dtype=float)), (FH, FW), padding=padding, stride=stride).numpy()
    out = np.asarray(w, dtype=float).reshape(K, -1) @ columns + np.asarray(b, dtype=float)[None, :, None]
    return out.reshape(N, K, out_h, out_w)

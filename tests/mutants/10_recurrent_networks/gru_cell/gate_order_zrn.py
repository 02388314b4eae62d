"""Reads the blocks as [update, reset, candidate] (Keras' order) instead of PyTorch's [reset, update, candidate]."""
def gru_cell(x, h_prev, w_ih, w_hh, b_ih, b_hh):
    H = h_prev.shape[1]
    u, v = x @ w_ih.T + b_ih, h_prev @ w_hh.T + b_hh
    z = torch.sigmoid(u[:, :H] + v[:, :H])
    r = torch.sigmoid(u[:, H:2 * H] + v[:, H:2 * H])
    n = torch.tanh(u[:, 2 * H:] + r * v[:, 2 * H:])
    return (1 - z) * n + z * h_prev

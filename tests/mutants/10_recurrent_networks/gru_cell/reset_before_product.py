"""Applies the reset gate to h_prev before the matrix product (the original paper's GRU, not PyTorch's)."""
def gru_cell(x, h_prev, w_ih, w_hh, b_ih, b_hh):
    H = h_prev.shape[1]
    u, v = x @ w_ih.T + b_ih, h_prev @ w_hh.T + b_hh
    r = torch.sigmoid(u[:, :H] + v[:, :H])
    z = torch.sigmoid(u[:, H:2 * H] + v[:, H:2 * H])
    n = torch.tanh(u[:, 2 * H:] + (r * h_prev) @ w_hh[2 * H:].T + b_hh[2 * H:])
    return (1 - z) * n + z * h_prev

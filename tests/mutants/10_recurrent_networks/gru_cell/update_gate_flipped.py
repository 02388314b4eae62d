"""Gives the update gate's weight to the candidate: h = z * n + (1 - z) * h_prev."""
def gru_cell(x, h_prev, w_ih, w_hh, b_ih, b_hh):
    H = h_prev.shape[1]
    u, v = x @ w_ih.T + b_ih, h_prev @ w_hh.T + b_hh
    r = torch.sigmoid(u[:, :H] + v[:, :H])
    z = torch.sigmoid(u[:, H:2 * H] + v[:, H:2 * H])
    n = torch.tanh(u[:, 2 * H:] + r * v[:, 2 * H:])
    return z * n + (1 - z) * h_prev

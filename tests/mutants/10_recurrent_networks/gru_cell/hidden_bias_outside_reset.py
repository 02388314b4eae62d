"""Leaves the candidate's recurrent bias b_hn outside the reset gate: r * (h_prev @ W_hn^T) + b_hn."""
def gru_cell(x, h_prev, w_ih, w_hh, b_ih, b_hh):
    H = h_prev.shape[1]
    u = x @ w_ih.T + b_ih
    v = h_prev @ w_hh.T
    r = torch.sigmoid(u[:, :H] + v[:, :H] + b_hh[:H])
    z = torch.sigmoid(u[:, H:2 * H] + v[:, H:2 * H] + b_hh[H:2 * H])
    n = torch.tanh(u[:, 2 * H:] + r * v[:, 2 * H:] + b_hh[2 * H:])
    return (1 - z) * n + z * h_prev

"""Reads the blocks in the order [i, f, o, g] instead of PyTorch's [i, f, g, o]."""
def lstm_cell(x, h_prev, c_prev, w_ih, w_hh, b_ih, b_hh):
    H = h_prev.shape[1]
    a = x @ w_ih.T + b_ih + h_prev @ w_hh.T + b_hh
    i = torch.sigmoid(a[:, :H])
    f = torch.sigmoid(a[:, H:2 * H])
    o = torch.sigmoid(a[:, 2 * H:3 * H])
    g = torch.tanh(a[:, 3 * H:])
    c = f * c_prev + i * g
    return o * torch.tanh(c), c

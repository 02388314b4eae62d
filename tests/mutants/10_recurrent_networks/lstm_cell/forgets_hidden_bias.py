"""Adds only b_ih: the second bias b_hh is left out."""
def lstm_cell(x, h_prev, c_prev, w_ih, w_hh, b_ih, b_hh):
    H = h_prev.shape[1]
    a = x @ w_ih.T + b_ih + h_prev @ w_hh.T
    i, f = torch.sigmoid(a[:, :H]), torch.sigmoid(a[:, H:2 * H])
    g, o = torch.tanh(a[:, 2 * H:3 * H]), torch.sigmoid(a[:, 3 * H:])
    c = f * c_prev + i * g
    return o * torch.tanh(c), c

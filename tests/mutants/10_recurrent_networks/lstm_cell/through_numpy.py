"""Computes the step in NumPy and converts back: right values, but no gradient history for training."""
def lstm_cell(x, h_prev, c_prev, w_ih, w_hh, b_ih, b_hh):
    x, h_prev, c_prev, w_ih, w_hh, b_ih, b_hh = (t.detach().numpy() for t in (x, h_prev, c_prev, w_ih, w_hh, b_ih, b_hh))
    H = h_prev.shape[1]
    a = x @ w_ih.T + b_ih + h_prev @ w_hh.T + b_hh
    sig = lambda z: 1 / (1 + np.exp(-z))
    i, f, g, o = sig(a[:, :H]), sig(a[:, H:2 * H]), np.tanh(a[:, 2 * H:3 * H]), sig(a[:, 3 * H:])
    c = f * c_prev + i * g
    return torch.tensor(o * np.tanh(c)), torch.tensor(c)

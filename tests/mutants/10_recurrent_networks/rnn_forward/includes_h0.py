"""Stores h0 as the first state: returns T + 1 states of shape (N, T + 1, H)."""
def rnn_forward(x, h0, w_x, w_h, b):
    x = np.asarray(x, dtype=float)
    states = [np.asarray(h0, dtype=float)]
    for t in range(x.shape[1]):
        states.append(np.tanh(x[:, t] @ w_x + states[-1] @ w_h + b))
    return np.stack(states, axis=1)

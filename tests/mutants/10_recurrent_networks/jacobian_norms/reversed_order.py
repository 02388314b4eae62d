"""Stores the norms by lag (norms[k] = lag k) instead of by the time step t."""
def jacobian_norms(x, h0, w_x, w_h, b):
    states = rnn_forward(np.asarray(x, dtype=float)[None], np.asarray(h0, dtype=float)[None], w_x, w_h, b)[0]
    T, H = states.shape
    norms = [np.sqrt(H)]
    product = np.eye(H)
    for t in range(T - 1, -1, -1):
        product = product @ ((1.0 - states[t] ** 2)[:, None] * np.asarray(w_h, dtype=float).T)
        norms.append(np.linalg.norm(product))
    return np.array(norms)

"""Uses 1 - h_t^2 (the state being differentiated) instead of 1 - h_{t+1}^2 in the Jacobian into step t + 1."""
def jacobian_norms(x, h0, w_x, w_h, b):
    states = rnn_forward(np.asarray(x, dtype=float)[None], np.asarray(h0, dtype=float)[None], w_x, w_h, b)[0]
    T, H = states.shape
    with_h0 = np.vstack([np.asarray(h0, dtype=float)[None], states])    # h_0 .. h_T
    norms = np.empty(T + 1)
    product = np.eye(H)
    norms[T] = np.linalg.norm(product)
    for t in range(T - 1, -1, -1):
        product = product @ ((1.0 - with_h0[t] ** 2)[:, None] * np.asarray(w_h, dtype=float).T)
        norms[t] = np.linalg.norm(product)
    return norms

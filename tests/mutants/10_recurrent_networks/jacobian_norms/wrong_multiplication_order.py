"""Multiplies each new one-step Jacobian on the left: the earlier Jacobian ends up on the left of the product."""
def jacobian_norms(x, h0, w_x, w_h, b):
    states = rnn_forward(np.asarray(x, dtype=float)[None], np.asarray(h0, dtype=float)[None], w_x, w_h, b)[0]
    T, H = states.shape
    norms = np.empty(T + 1)
    product = np.eye(H)
    norms[T] = np.linalg.norm(product)
    for t in range(T - 1, -1, -1):
        product = ((1.0 - states[t] ** 2)[:, None] * np.asarray(w_h, dtype=float).T) @ product
        norms[t] = np.linalg.norm(product)
    return norms

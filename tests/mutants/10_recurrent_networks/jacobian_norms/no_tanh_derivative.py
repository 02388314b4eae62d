"""Multiplies only the weight matrices: the derivative of tanh is left out of the one-step Jacobian."""
def jacobian_norms(x, h0, w_x, w_h, b):
    T, H = len(x), len(w_h)
    norms = np.empty(T + 1)
    product = np.eye(H)
    norms[T] = np.linalg.norm(product)
    for t in range(T - 1, -1, -1):
        product = product @ np.asarray(w_h, dtype=float).T
        norms[t] = np.linalg.norm(product)
    return norms

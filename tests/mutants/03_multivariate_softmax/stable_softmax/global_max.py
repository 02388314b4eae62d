"""Shifts by the maximum of the whole array instead of each slice's own: a slice far below it underflows to 0."""
def stable_softmax(Z, axis=-1):
    Z = np.asarray(Z, dtype=float)
    m = np.max(Z)
    E = np.exp(Z - m)
    total = np.sum(E, axis=axis, keepdims=True)
    probs = E / total
    log_probs = Z - m - np.log(total)
    return np.squeeze(m + np.log(total), axis=axis), probs, log_probs

"""Drops the reduced axis with np.squeeze(...) without naming it: a slice of length 1 elsewhere (N = 1) disappears too."""
def stable_softmax(Z, axis=-1):
    Z = np.asarray(Z, dtype=float)
    m = np.max(Z, axis=axis, keepdims=True)
    log_total = np.log(np.sum(np.exp(Z - m), axis=axis, keepdims=True))
    log_probs = Z - m - log_total
    return np.squeeze(m + log_total), np.exp(log_probs), log_probs

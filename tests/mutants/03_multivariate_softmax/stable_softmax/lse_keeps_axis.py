"""Returns the log-sum-exp with the reduced axis kept (keepdims), shape (N, 1) instead of (N,)."""
def stable_softmax(Z, axis=-1):
    Z = np.asarray(Z, dtype=float)
    m = np.max(Z, axis=axis, keepdims=True)
    lse = m + np.log(np.sum(np.exp(Z - m), axis=axis, keepdims=True))
    log_probs = Z - lse
    return lse, np.exp(log_probs), log_probs

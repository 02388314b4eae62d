"""Subtracts the maximum inside the exponentials but forgets to add it back to the log-sum-exp."""
def stable_softmax(Z, axis=-1):
    Z = np.asarray(Z, dtype=float)
    shifted = Z - np.max(Z, axis=axis, keepdims=True)
    lse = np.log(np.sum(np.exp(shifted), axis=axis, keepdims=True))
    log_probs = shifted - lse
    return np.squeeze(lse, axis=axis), np.exp(log_probs), log_probs

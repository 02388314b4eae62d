"""Shifts the scores in place (Z -= m): the caller's array is changed."""
def stable_softmax(Z, axis=-1):
    m = np.max(Z, axis=axis, keepdims=True)
    Z -= m
    log_total = np.log(np.sum(np.exp(Z), axis=axis, keepdims=True))
    log_probs = Z - log_total
    return np.squeeze(m + log_total, axis=axis), np.exp(log_probs), log_probs

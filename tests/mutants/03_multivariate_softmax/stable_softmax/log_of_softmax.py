"""A stable softmax and log-sum-exp, but the log-probabilities as the log of the softmax: log(0) = -inf."""
def stable_softmax(Z, axis=-1):
    Z = np.asarray(Z, dtype=float)
    m = np.max(Z, axis=axis, keepdims=True)
    E = np.exp(Z - m)
    total = np.sum(E, axis=axis, keepdims=True)
    probs = E / total
    return np.squeeze(m + np.log(total), axis=axis), probs, np.log(probs)

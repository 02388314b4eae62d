"""Subtracts the maximum from the caller's logits in place."""
def softmax_cross_entropy(logits, labels):
    N = logits.shape[0]
    rows = np.arange(N)
    logits -= logits.max(axis=1, keepdims=True)
    log_probs = logits - np.log(np.sum(np.exp(logits), axis=1))[:, None]
    dlogits = np.exp(log_probs)
    dlogits[rows, labels] -= 1.0
    return float(-np.mean(log_probs[rows, labels])), dlogits / N

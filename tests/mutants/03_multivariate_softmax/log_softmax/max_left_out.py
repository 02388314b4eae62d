"""Subtracts log sum exp(z - m) but forgets the shift m that belongs to the log-sum-exp."""
def log_softmax(Z):
    m = Z.max(axis=1, keepdims=True)
    return Z - np.log(np.sum(np.exp(Z - m), axis=1, keepdims=True))

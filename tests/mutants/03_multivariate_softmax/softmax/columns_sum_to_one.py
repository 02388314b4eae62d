"""Normalizes along axis 0, so each column (class) sums to one instead of each row (example)."""
def softmax(Z):
    E = np.exp(Z - Z.max(axis=0, keepdims=True))
    return E / E.sum(axis=0, keepdims=True)

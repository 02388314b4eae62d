"""Standardizes X in place (X -= mean), which changes the caller's array."""
def standardize(X):
    X -= X.mean(axis=0)
    std = X.std(axis=0)
    X /= np.where(std > 0, std, 1.0)
    return X

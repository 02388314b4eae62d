"""Adds a bias column although X already has one, so it returns D + 1 weights."""
def fit_least_squares(X, y):
    X1 = np.hstack([np.ones((X.shape[0], 1)), X])
    return np.linalg.lstsq(X1, y, rcond=None)[0]

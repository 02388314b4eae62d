"""Returns everything np.linalg.lstsq returns (solution, residuals, rank, singular values) instead of the weights."""
def fit_least_squares(X, y):
    return np.linalg.lstsq(X, y, rcond=None)

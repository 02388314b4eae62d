"""Adds N * l2 to every entry of X^T X instead of to its diagonal."""
def ridge_closed_form(X, y, l2):
    n = X.shape[0]
    return np.linalg.solve(X.T @ X + n * l2, X.T @ y)

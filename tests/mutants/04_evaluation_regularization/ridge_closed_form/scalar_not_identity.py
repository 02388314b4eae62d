"""Adds N * l2 to every entry of X^T X except the bias row and column, instead of to the diagonal."""
def ridge_closed_form(X, y, l2):
    n = X.shape[0]
    A = X.T @ X
    A[1:, 1:] += n * l2
    return np.linalg.solve(A, X.T @ y)

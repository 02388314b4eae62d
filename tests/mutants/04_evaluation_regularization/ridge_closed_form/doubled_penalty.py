"""Keeps the 2 of the penalty's gradient on one side only: 2 * N * l2 * I."""
def ridge_closed_form(X, y, l2):
    n, d = X.shape
    return np.linalg.solve(X.T @ X + 2 * n * l2 * np.eye(d), X.T @ y)

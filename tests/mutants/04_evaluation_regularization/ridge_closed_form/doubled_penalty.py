"""Keeps the 2 of the penalty's gradient on one side only: 2 * N * l2 * P."""
def ridge_closed_form(X, y, l2):
    n, d = X.shape
    P = np.eye(d)
    P[0, 0] = 0.0
    return np.linalg.solve(X.T @ X + 2 * n * l2 * P, X.T @ y)

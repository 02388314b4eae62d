"""Leaves the last weight unpenalized, as if the bias column came last instead of first."""
def ridge_closed_form(X, y, l2):
    n, d = X.shape
    P = np.eye(d)
    P[-1, -1] = 0.0
    return np.linalg.solve(X.T @ X + n * l2 * P, X.T @ y)

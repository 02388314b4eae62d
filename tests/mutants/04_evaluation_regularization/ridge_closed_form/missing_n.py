"""Adds l2 * P instead of N * l2 * P (forgets that the loss is averaged over N examples)."""
def ridge_closed_form(X, y, l2):
    d = X.shape[1]
    P = np.eye(d)
    P[0, 0] = 0.0
    return np.linalg.solve(X.T @ X + l2 * P, X.T @ y)

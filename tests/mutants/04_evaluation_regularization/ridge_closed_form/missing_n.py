"""Adds l2 * I instead of N * l2 * I (forgets that the loss is averaged over N examples)."""
def ridge_closed_form(X, y, l2):
    d = X.shape[1]
    return np.linalg.solve(X.T @ X + l2 * np.eye(d), X.T @ y)

"""Penalizes the bias weight too: 2 * l2 * w for every entry."""
def ridge_gradient(w, X, y, l2):
    return 2 / X.shape[0] * X.T @ (X @ w - y) + 2 * l2 * w

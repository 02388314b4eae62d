"""Differentiates l2 * w^2 to l2 * w (the factor 2 is missing)."""
def ridge_gradient(w, X, y, l2):
    return 2 / X.shape[0] * X.T @ (X @ w - y) + l2 * w

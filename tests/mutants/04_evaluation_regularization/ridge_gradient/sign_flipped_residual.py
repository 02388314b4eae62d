"""Uses the residual y - X w, which flips the sign of the data term."""
def ridge_gradient(w, X, y, l2):
    penalized = np.array(w, dtype=float)
    penalized[0] = 0.0
    return 2 / X.shape[0] * X.T @ (y - X @ w) + 2 * l2 * penalized

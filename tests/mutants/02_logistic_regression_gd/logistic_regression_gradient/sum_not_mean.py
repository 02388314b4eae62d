"""Sums the per-example gradients instead of averaging them: N times too large."""
def logistic_regression_gradient(w, b, X, y):
    X = np.asarray(X, dtype=float)
    errors = logistic(X @ w + b) - y
    return X.T @ errors, float(np.sum(errors))

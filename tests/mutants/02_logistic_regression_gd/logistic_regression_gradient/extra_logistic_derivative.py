"""Keeps a factor s'(z) that the log of the loss cancels (the gradient of a squared loss through a logistic)."""
def logistic_regression_gradient(w, b, X, y):
    X = np.asarray(X, dtype=float)
    z = X @ w + b
    errors = (logistic(z) - y) * logistic_derivative(z)
    return X.T @ errors / len(y), float(np.mean(errors))

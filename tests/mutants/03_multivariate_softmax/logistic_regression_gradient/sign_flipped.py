"""Sign error: uses y - s(X w) instead of s(X w) - y (the gradient of the log-likelihood, not of the loss)."""
def logistic_regression_gradient(w, X, y):
    return X.T @ (y - activations.logistic(X @ w)) / X.shape[0]

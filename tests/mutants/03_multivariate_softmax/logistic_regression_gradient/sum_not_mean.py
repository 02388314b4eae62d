"""Forgets the 1/N: returns the gradient of the summed loss."""
def logistic_regression_gradient(w, X, y):
    return X.T @ (activations.logistic(X @ w) - y)

"""Uses y - s(w x) instead of s(w x) - y: the gradient of the log-likelihood, not of the loss."""
def logistic_regression_gradient(w, x, y):
    return np.mean((y - logistic(w * x)) * x)

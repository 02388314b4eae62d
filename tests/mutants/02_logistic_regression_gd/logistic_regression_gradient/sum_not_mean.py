"""Sums over the examples and forgets the 1/N."""
def logistic_regression_gradient(w, x, y):
    return np.sum((logistic(w * x) - y) * x)

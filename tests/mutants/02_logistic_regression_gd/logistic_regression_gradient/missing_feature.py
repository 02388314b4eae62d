"""Forgets the inner derivative d(w x)/dw = x of the chain rule."""
def logistic_regression_gradient(w, x, y):
    return np.mean(logistic(w * x) - y)

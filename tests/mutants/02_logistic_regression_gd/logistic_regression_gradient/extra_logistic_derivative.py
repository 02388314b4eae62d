"""Multiplies by s'(w x) again, as for the squared loss through a logistic: the log cancels it."""
def logistic_regression_gradient(w, x, y):
    s = logistic(w * x)
    return np.mean((s - y) * s * (1 - s) * x)

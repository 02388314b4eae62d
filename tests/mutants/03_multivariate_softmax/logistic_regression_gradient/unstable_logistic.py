"""Writes the logistic as 1 / (1 + exp(-z)), which overflows for z = -1000."""
def logistic_regression_gradient(w, X, y):
    s = 1 / (1 + np.exp(-(X @ w)))
    return X.T @ (s - y) / X.shape[0]

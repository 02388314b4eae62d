"""Writes the error as label minus prediction: the gradient points uphill."""
def logistic_regression_gradient(w, b, X, y):
    X = np.asarray(X, dtype=float)
    errors = y - logistic(X @ w + b)
    return X.T @ errors / len(y), float(np.mean(errors))

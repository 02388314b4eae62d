"""Computes the logits as X @ w, leaving the bias out of the predictions."""
def logistic_regression_gradient(w, b, X, y):
    X = np.asarray(X, dtype=float)
    errors = logistic(X @ w) - y
    return X.T @ errors / len(y), float(np.mean(errors))

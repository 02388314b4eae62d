"""Forgets the inverse link: uses the raw prediction X w, as in linear regression's gradient."""
def logistic_regression_gradient(w, X, y):
    return X.T @ (X @ w - y) / X.shape[0]

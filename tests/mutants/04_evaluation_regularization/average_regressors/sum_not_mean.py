"""Adds the models' predictions instead of averaging them."""
def average_regressors(coefficients, x):
    return np.sum([polynomial_features(x, len(w) - 1) @ w for w in coefficients], axis=0)

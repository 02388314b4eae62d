"""Applies chapter 01's slope to each column on its own, x_d^T y / x_d^T x_d, ignoring how the columns interact."""
def fit_least_squares(X, y):
    return (X.T @ y) / np.sum(X * X, axis=0)

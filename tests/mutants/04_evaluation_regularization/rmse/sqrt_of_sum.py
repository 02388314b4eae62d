"""Square root of the sum of squared residuals: the 1/M is missing."""
def rmse(y_true, y_pred):
    return np.sqrt(np.sum((y_pred - y_true) ** 2))

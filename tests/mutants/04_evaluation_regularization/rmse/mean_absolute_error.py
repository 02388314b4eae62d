"""Takes the root of squared residuals one at a time, which is the mean absolute error."""
def rmse(y_true, y_pred):
    return np.mean(np.sqrt((y_pred - y_true) ** 2))

"""Returns the mean squared error: forgets the square root."""
def rmse(y_true, y_pred):
    return np.mean((y_pred - y_true) ** 2)

"""Takes the absolute value of the mean residual, so residuals of opposite signs cancel."""
def data_set_losses(w, x, y):
    residuals = w * x - y
    return np.mean(residuals**2), np.abs(np.mean(residuals))

"""Takes the absolute value of the mean residual, so residuals of opposite signs cancel."""
def absolute_loss(w, x, y):
    return np.abs(np.mean(w * x - y))

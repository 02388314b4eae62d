"""Sums the squared and absolute residuals and forgets the 1/N."""
def data_set_losses(w, x, y):
    residuals = w * x - y
    return np.sum(residuals**2), np.sum(np.abs(residuals))

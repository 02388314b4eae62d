"""Returns the two losses as a list instead of a tuple."""
def data_set_losses(w, x, y):
    residuals = w * x - y
    return [np.mean(residuals**2), np.mean(np.abs(residuals))]

"""Averages with Python's floor division (sum // N), which truncates for integer data."""
def data_set_losses(w, x, y):
    residuals = w * x - y
    return np.sum(residuals**2) // len(x), np.sum(np.abs(residuals)) // len(x)

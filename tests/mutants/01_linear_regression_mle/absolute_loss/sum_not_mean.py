"""Sums the absolute residuals and forgets the 1/N."""
def absolute_loss(w, x, y):
    return np.sum(np.abs(w * x - y))

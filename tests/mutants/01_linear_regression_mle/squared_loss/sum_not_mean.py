"""Sums the squared residuals and forgets the 1/N."""
def squared_loss(w, x, y):
    return np.sum((w * x - y) ** 2)

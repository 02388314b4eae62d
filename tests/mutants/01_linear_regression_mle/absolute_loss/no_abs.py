"""Forgets the absolute value altogether."""
def absolute_loss(w, x, y):
    return np.mean(w * x - y)

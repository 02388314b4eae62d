"""Saves memory by computing the residuals in x's own storage (x *= w; x -= y): the caller's x is destroyed."""
def data_set_losses(w, x, y):
    residuals = x
    residuals *= w
    residuals -= y
    return np.mean(residuals**2), np.mean(np.abs(residuals))

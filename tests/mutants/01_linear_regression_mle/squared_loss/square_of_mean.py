"""Averages the residuals first and squares the average."""
def squared_loss(w, x, y):
    return np.mean(w * x - y) ** 2

"""Uses the statistics-textbook slope (x and y centred) even when intercept is False, and then
sets b = 0: the slope of one model with the intercept of another."""
def fit_gaussian_line(x, y, intercept=False):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    w = np.sum((x - x.mean()) * (y - y.mean())) / np.sum((x - x.mean()) ** 2)
    b = y.mean() - w * x.mean() if intercept else 0.0
    return float(w), float(b), float(np.sqrt(np.mean((y - w * x - b) ** 2)))

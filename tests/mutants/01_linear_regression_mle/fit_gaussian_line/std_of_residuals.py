"""Estimates sigma with np.std of the residuals, which subtracts their mean first: right with an
intercept (the residuals then average 0), wrong for a line through the origin."""
def fit_gaussian_line(x, y, intercept=False):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if intercept:
        w = np.sum((x - x.mean()) * (y - y.mean())) / np.sum((x - x.mean()) ** 2)
        b = y.mean() - w * x.mean()
    else:
        w, b = np.sum(x * y) / np.sum(x * x), 0.0
    return float(w), float(b), float(np.std(y - (w * x + b)))

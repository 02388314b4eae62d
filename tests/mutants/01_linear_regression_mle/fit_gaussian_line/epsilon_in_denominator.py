"""Guards the slope's division with + 1e-12 'for safety': harmless for ordinary x, but it swamps
sum(x^2) when x is of order 1e-90."""
def fit_gaussian_line(x, y, intercept=False):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if intercept:
        w = np.sum((x - x.mean()) * (y - y.mean())) / (np.sum((x - x.mean()) ** 2) + 1e-12)
        b = y.mean() - w * x.mean()
    else:
        w, b = np.sum(x * y) / (np.sum(x * x) + 1e-12), 0.0
    return float(w), float(b), float(np.sqrt(np.mean((y - w * x - b) ** 2)))

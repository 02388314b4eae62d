"""Centres x and y in place (x -= x.mean()) to compute the slope, which changes the caller's data."""
def fit_gaussian_line(x, y, intercept=False):
    if intercept:
        x_mean, y_mean = x.mean(), y.mean()
        x -= x_mean
        y -= y_mean
        w = (x @ y) / (x @ x)
        b = y_mean - w * x_mean
        sigma = np.sqrt(np.mean((y - w * x) ** 2))
    else:
        w, b = (x @ y) / (x @ x), 0.0
        sigma = np.sqrt(np.mean((y - w * x) ** 2))
    return float(w), float(b), float(sigma)

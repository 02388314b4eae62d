"""Uses the statistics-textbook slope of a line with an intercept (centres x and y first)."""
def fit_slope(x, y):
    x_centred, y_centred = x - x.mean(), y - y.mean()
    return (x_centred @ y_centred) / (x_centred @ x_centred)

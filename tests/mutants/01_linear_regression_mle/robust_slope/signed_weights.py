"""Computes the weighted median of y_n / x_n with weights x_n instead of |x_n|: wrong as soon as
some x are negative."""
def robust_slope(x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    keep = x != 0
    ratios, weights = y[keep] / x[keep], x[keep]
    order = np.argsort(ratios)
    cumulative = np.cumsum(weights[order])
    index = min(np.searchsorted(cumulative, cumulative[-1] / 2), ratios.size - 1)
    return float(ratios[order][index])

"""Picks the weighted median with a boolean mask and returns the one-element array it selects."""
def robust_slope(x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    keep = x != 0
    ratios, weights = y[keep] / x[keep], np.abs(x[keep])
    order = np.argsort(ratios)
    cumulative = np.cumsum(weights[order])
    first = np.arange(ratios.size) == np.searchsorted(cumulative, cumulative[-1] / 2)
    return ratios[order][first]

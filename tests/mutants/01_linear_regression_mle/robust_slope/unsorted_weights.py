"""Sorts the ratios but accumulates the weights in the original order, so the cumulative weight
belongs to other points than the ratios it is compared with."""
def robust_slope(x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    keep = x != 0
    ratios, weights = y[keep] / x[keep], np.abs(x[keep])
    cumulative = np.cumsum(weights)
    index = np.searchsorted(cumulative, cumulative[-1] / 2)
    return float(np.sort(ratios)[index])

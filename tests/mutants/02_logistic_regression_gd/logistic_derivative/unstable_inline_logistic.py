"""Right formula s (1 - s), but recomputes s literally: exp(-z) overflows at z = -1000."""
def logistic_derivative(z):
    s = 1 / (1 + np.exp(-np.asarray(z, dtype=float)))
    return s * (1 - s)

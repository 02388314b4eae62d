"""Stable, but computes s(-z) = 1 / (1 + exp(z)): the sign of the exponent is flipped."""
def logistic(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, e / (1 + e), 1 / (1 + e))

"""Chooses the stable branch with np.where, but np.where computes both branches everywhere."""
def logistic(z):
    z = np.asarray(z, dtype=float)
    return np.where(z >= 0, 1 / (1 + np.exp(-z)), np.exp(z) / (1 + np.exp(z)))

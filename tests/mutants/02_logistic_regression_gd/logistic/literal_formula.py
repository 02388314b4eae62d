"""Writes the formula literally: exp(-z) overflows for z = -1000."""
def logistic(z):
    return 1 / (1 + np.exp(-z))

"""Uses exp(z) / (1 + exp(z)) everywhere: inf / inf = nan for z = 1000."""
def logistic(z):
    return np.exp(z) / (1 + np.exp(z))

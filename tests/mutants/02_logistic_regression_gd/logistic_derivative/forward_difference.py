"""Skips the derivation: a forward difference quotient of the logistic, accurate to only ~1e-7."""
def logistic_derivative(z):
    h = 1e-7
    return (logistic(np.asarray(z, dtype=float) + h) - logistic(z)) / h

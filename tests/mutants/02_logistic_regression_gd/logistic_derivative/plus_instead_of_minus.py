"""Writes s (1 + s) instead of s (1 - s)."""
def logistic_derivative(z):
    s = logistic(z)
    return s * (1 + s)

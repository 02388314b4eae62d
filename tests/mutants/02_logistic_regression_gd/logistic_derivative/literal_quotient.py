"""Differentiates the formula literally: exp(-z) / (1 + exp(-z))^2 overflows for z = -1000."""
def logistic_derivative(z):
    return np.exp(-z) / (1 + np.exp(-z)) ** 2

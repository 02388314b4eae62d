"""Uses 1 - s^2, the pattern of tanh's derivative, instead of s (1 - s)."""
def logistic_derivative(z):
    return 1 - logistic(z) ** 2

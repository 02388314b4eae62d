"""Starts at x^1 and forgets the constant column x^0 = 1 (the bias)."""
def polynomial_features(x, degree):
    return np.stack([x ** k for k in range(1, degree + 1)], axis=1)

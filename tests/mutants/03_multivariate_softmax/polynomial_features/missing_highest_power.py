"""Off by one: range(degree) stops at x^(K-1), so the basis has K columns instead of K + 1."""
def polynomial_features(x, degree):
    return np.stack([x ** k for k in range(degree)], axis=1)

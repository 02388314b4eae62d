"""Uses np.vander's default order: the highest power first and the constant column last."""
def polynomial_features(x, degree):
    return np.vander(x, degree + 1)

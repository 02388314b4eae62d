"""Believes a perceptron can be trained to compute any Boolean function."""
def perceptron_computable():
    return np.ones(16, dtype=bool)

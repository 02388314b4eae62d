"""Right decisions, returned as 0/1 integers instead of booleans."""
def perceptron_computable():
    return np.array([0 if k in (6, 9) else 1 for k in range(16)])

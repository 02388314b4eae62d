"""Remembers that XOR is impossible but not its negation, XNOR (k = 9)."""
def perceptron_computable():
    computable = np.ones(16, dtype=bool)
    computable[6] = False
    return computable

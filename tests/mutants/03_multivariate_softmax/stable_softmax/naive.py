"""The formulas as written, without the shift: exp(1000) overflows."""
def stable_softmax(Z, axis=-1):
    E = np.exp(Z)
    total = np.sum(E, axis=axis, keepdims=True)
    probs = E / total
    return np.log(np.sum(E, axis=axis)), probs, Z - np.log(total)

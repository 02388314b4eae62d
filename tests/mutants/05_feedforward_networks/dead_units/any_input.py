"""Calls a unit dead as soon as it is inactive on some input (any instead of all)."""


def dead_units(W1, b1, X):
    A = np.asarray(X, dtype=float) @ np.asarray(W1, dtype=float) + np.asarray(b1, dtype=float)
    return np.any(A <= 0, axis=0)

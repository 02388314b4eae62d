"""Returns 1.0 / 0.0 floats (a mean of indicators) instead of booleans."""


def dead_units(W1, b1, X):
    A = np.asarray(X, dtype=float) @ np.asarray(W1, dtype=float) + np.asarray(b1, dtype=float)
    return (np.mean(A > 0, axis=0) == 0).astype(float)

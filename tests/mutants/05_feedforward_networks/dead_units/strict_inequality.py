"""Counts a unit as dead only when its pre-activation is strictly negative everywhere: a unit that
touches exactly 0 (where the ReLU's derivative is 0 too) is called alive."""


def dead_units(W1, b1, X):
    A = np.asarray(X, dtype=float) @ np.asarray(W1, dtype=float) + np.asarray(b1, dtype=float)
    return np.all(A < 0, axis=0)

"""Judges a unit by its weights alone: dead when all its incoming weights are negative."""


def dead_units(W1, b1, X):
    return np.all(np.asarray(W1) < 0, axis=0)

"""Divides by the standard deviation everywhere and repairs the constant columns afterwards with
np.nan_to_num: right numbers, but it divides 0 by 0 (a warning in every run, and what the
statement asks to avoid)."""
def standardize(X):
    return np.nan_to_num((X - X.mean(axis=0)) / X.std(axis=0))

"""Shuffles the caller's arrays in place (X[:] = X[order]), changing the data the caller holds."""
def iterate_minibatches(X, y, batch_size, seed):
    """One epoch of shuffled mini-batches.

    Args:
        X: examples, shape (N, ...).
        y: targets, shape (N, ...).
        batch_size: B >= 1.
        seed: an integer; the same seed gives the same batches.

    Returns (or yields):
        pairs (X_batch, y_batch) of shapes (B, ...) and (B, ...), the last batch possibly smaller;
        together they hold every example exactly once.
    """
    order = np.random.default_rng(seed).permutation(len(X))
    X[:] = X[order]
    y[:] = y[order]
    for start in range(0, len(X), batch_size):
        yield X[start:start + batch_size], y[start:start + batch_size]

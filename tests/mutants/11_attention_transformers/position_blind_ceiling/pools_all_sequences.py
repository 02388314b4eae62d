"""Counts tokens over the whole data set instead of within each sequence (the model sees the sequence's own tokens)."""
def position_blind_ceiling(inputs):
    inputs = np.asarray(inputs)
    T = inputs.shape[1]
    symbols, counts = np.unique(inputs, return_counts=True)
    return float(counts.max() / counts.sum())

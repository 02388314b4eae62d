"""Returns the per-token probabilities as an array instead of their average."""
def position_blind_ceiling(inputs):
    inputs = np.asarray(inputs)
    T = inputs.shape[1]
    result = np.zeros(inputs.shape)
    for n, row in enumerate(inputs):
        symbols, counts = np.unique(row, return_counts=True)
        for t, token in enumerate(row):
            result[n, t] = (counts - (symbols == token)).max() / (T - 1)
    return result

"""Uses integer division for the probability of each guess (count // (T - 1) is 0 for most tokens)."""
def position_blind_ceiling(inputs):
    inputs = np.asarray(inputs)
    T = inputs.shape[1]
    total = 0
    for row in inputs:
        symbols, counts = np.unique(row, return_counts=True)
        for token in row:
            total += (counts - (symbols == token)).max() // (T - 1)
    return float(total / inputs.size)

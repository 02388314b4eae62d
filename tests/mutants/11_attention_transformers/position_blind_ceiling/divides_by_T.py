"""Removes x_t from the bag but divides its count by T instead of T - 1."""
def position_blind_ceiling(inputs):
    inputs = np.asarray(inputs)
    T = inputs.shape[1]
    total = 0.0
    for row in inputs:
        symbols, counts = np.unique(row, return_counts=True)
        for token in row:
            total += (counts - (symbols == token)).max() / T
    return float(total / inputs.size)

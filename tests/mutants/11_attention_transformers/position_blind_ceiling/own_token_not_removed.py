"""Takes the most frequent token of the whole sequence, including the token x_t that sits at position t itself."""
def position_blind_ceiling(inputs):
    inputs = np.asarray(inputs)
    T = inputs.shape[1]
    total = 0.0
    for row in inputs:
        _, counts = np.unique(row, return_counts=True)
        total += T * counts.max() / (T - 1)
    return float(total / inputs.size)

"""Right count, but computed with float arithmetic (np.prod of floats), so it returns a float."""


def count_parameters(layer_sizes):
    sizes = np.asarray(layer_sizes, dtype=float)
    return np.sum(sizes[:-1] * sizes[1:] + sizes[1:])

"""Counts the weight matrices but forgets that every unit also has a bias."""


def count_parameters(layer_sizes):
    sizes = list(layer_sizes)
    return sum(d_in * d_out for d_in, d_out in zip(sizes[:-1], sizes[1:]))

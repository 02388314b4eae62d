"""Builds the package's network and reads its parameter count instead of counting."""
from dlcourse.scratch.mlp import MLP


def count_parameters(layer_sizes):
    return MLP(list(layer_sizes), "relu", rng=0).num_parameters

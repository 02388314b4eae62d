"""Wraps the package's k_fold_indices."""
from dlcourse.data.splits import k_fold_indices as package_k_fold_indices


def k_fold_indices(num_examples, k, rng):
    return package_k_fold_indices(num_examples, k, rng)

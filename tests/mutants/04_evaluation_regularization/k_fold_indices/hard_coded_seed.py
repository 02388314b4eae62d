"""Seeds its own generator with 0 instead of drawing from the one it is given."""
def k_fold_indices(num_examples, k, rng):
    order = np.random.default_rng(0).permutation(num_examples)
    folds = np.array_split(order, k)
    return [(np.concatenate(folds[:i] + folds[i + 1:]), folds[i]) for i in range(k)]

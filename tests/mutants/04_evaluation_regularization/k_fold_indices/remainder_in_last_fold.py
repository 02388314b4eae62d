"""Gives every fold N // k examples and puts the whole remainder into the last fold, so the sizes
can differ by more than one."""
def k_fold_indices(num_examples, k, rng):
    order = rng.permutation(num_examples)
    size = num_examples // k
    folds = [order[i * size:(i + 1) * size] for i in range(k - 1)] + [order[(k - 1) * size:]]
    return [(np.concatenate(folds[:i] + folds[i + 1:]), folds[i]) for i in range(k)]

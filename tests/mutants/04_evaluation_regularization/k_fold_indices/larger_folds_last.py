"""Balanced sizes, but the N mod k larger folds come last instead of first."""
def k_fold_indices(num_examples, k, rng):
    order = rng.permutation(num_examples)
    base, extra = divmod(num_examples, k)
    sizes = [base + 1 if i >= k - extra else base for i in range(k)]
    starts = np.concatenate([[0], np.cumsum(sizes)])
    folds = [order[starts[i]:starts[i + 1]] for i in range(k)]
    return [(np.concatenate(folds[:i] + folds[i + 1:]), folds[i]) for i in range(k)]

"""Picks the best penalty by sorting (loss, penalty) pairs, so a tie goes to the smallest penalty
instead of the first one in l2_values."""
def cross_validate_ridge(X, y, l2_values, k, rng):
    folds = k_fold_indices(len(y), k, rng)
    cv_losses = np.zeros(len(l2_values))
    for i, l2 in enumerate(l2_values):
        fold_losses = []
        for train, val in folds:
            w = ridge_closed_form(X[train], y[train], l2)
            fold_losses.append(np.mean((X[val] @ w - y[val]) ** 2))
        cv_losses[i] = np.mean(fold_losses)
    return float(min(zip(cv_losses, l2_values))[1]), cv_losses

"""Returns the position of the best penalty in the list instead of the penalty itself."""
def cross_validate_ridge(X, y, l2_values, k, rng):
    folds = k_fold_indices(len(y), k, rng)
    cv_losses = np.zeros(len(l2_values))
    for i, l2 in enumerate(l2_values):
        fold_losses = []
        for train, val in folds:
            w = ridge_closed_form(X[train], y[train], l2)
            fold_losses.append(np.mean((X[val] @ w - y[val]) ** 2))
        cv_losses[i] = np.mean(fold_losses)
    return int(np.argmin(cv_losses)), cv_losses

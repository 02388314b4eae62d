"""Measures each fit on its own training folds instead of the held-out fold."""
def cross_validate_ridge(X, y, l2_values, k, rng):
    folds = k_fold_indices(len(y), k, rng)
    cv_losses = np.zeros(len(l2_values))
    for i, l2 in enumerate(l2_values):
        fold_losses = []
        for train, val in folds:
            w = ridge_closed_form(X[train], y[train], l2)
            fold_losses.append(np.mean((X[train] @ w - y[train]) ** 2))
        cv_losses[i] = np.mean(fold_losses)
    return float(l2_values[int(np.argmin(cv_losses))]), cv_losses

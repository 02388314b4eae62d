"""Pools the squared errors of all folds and divides by N, instead of averaging the k fold MSEs."""
def cross_validate_ridge(X, y, l2_values, k, rng):
    folds = k_fold_indices(len(y), k, rng)
    cv_losses = np.zeros(len(l2_values))
    for i, l2 in enumerate(l2_values):
        total = 0.0
        for train, val in folds:
            w = ridge_closed_form(X[train], y[train], l2)
            total += np.sum((X[val] @ w - y[val]) ** 2)
        cv_losses[i] = total / len(y)
    return float(l2_values[int(np.argmin(cv_losses))]), cv_losses

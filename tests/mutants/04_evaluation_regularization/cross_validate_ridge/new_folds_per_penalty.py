"""Draws new folds inside the loop over the penalties, so every candidate is judged on a different
split (and the generator's stream moves on between them)."""
def cross_validate_ridge(X, y, l2_values, k, rng):
    cv_losses = np.zeros(len(l2_values))
    for i, l2 in enumerate(l2_values):
        fold_losses = []
        for train, val in k_fold_indices(len(y), k, rng):
            w = ridge_closed_form(X[train], y[train], l2)
            fold_losses.append(np.mean((X[val] @ w - y[val]) ** 2))
        cv_losses[i] = np.mean(fold_losses)
    return float(l2_values[int(np.argmin(cv_losses))]), cv_losses

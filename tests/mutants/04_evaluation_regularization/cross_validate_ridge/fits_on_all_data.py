"""Fits once on all the data per penalty and then scores that fit on each fold: the validation
folds were part of the training data."""
def cross_validate_ridge(X, y, l2_values, k, rng):
    folds = k_fold_indices(len(y), k, rng)
    cv_losses = np.zeros(len(l2_values))
    for i, l2 in enumerate(l2_values):
        w = ridge_closed_form(X, y, l2)
        cv_losses[i] = np.mean([np.mean((X[val] @ w - y[val]) ** 2) for _, val in folds])
    return float(l2_values[int(np.argmin(cv_losses))]), cv_losses

"""Chooses the step size with the lowest *training* loss: the one that fits the training data hardest."""
def select_step_size(X_train, y_train, X_val, y_val, X_test, y_test, step_sizes, num_steps):
    best = None
    for step_size in step_sizes:
        weights, biases, losses = fit_logistic_regression(X_train, y_train, step_size, num_steps)
        if best is None or losses[-1] < best[0]:
            best = (losses[-1], float(step_size), weights[-1], biases[-1])
    _, step_size, w, b = best
    return step_size, float(np.mean((X_val @ w + b > 0) == y_val)), float(np.mean((X_test @ w + b > 0) == y_test))

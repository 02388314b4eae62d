"""Evaluates every candidate at row 0 of its trajectory, the starting point, instead of the final parameters."""
def select_step_size(X_train, y_train, X_val, y_val, X_test, y_test, step_sizes, num_steps):
    scores, models = [], []
    for step_size in step_sizes:
        weights, biases, _ = fit_logistic_regression(X_train, y_train, step_size, num_steps)
        models.append((weights[0], biases[0]))
        scores.append(binary_cross_entropy_with_logits(X_val @ weights[0] + biases[0], y_val))
    k = int(np.argmin(scores))
    w, b = models[k]
    return float(step_sizes[k]), float(np.mean((X_val @ w + b > 0) == y_val)), float(np.mean((X_test @ w + b > 0) == y_test))

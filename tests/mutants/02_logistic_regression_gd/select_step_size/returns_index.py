"""Returns the position of the best step size in the list instead of the step size itself."""
def select_step_size(X_train, y_train, X_val, y_val, X_test, y_test, step_sizes, num_steps):
    scores, models = [], []
    for step_size in step_sizes:
        weights, biases, _ = fit_logistic_regression(X_train, y_train, step_size, num_steps)
        models.append((weights[-1], biases[-1]))
        scores.append(binary_cross_entropy_with_logits(X_val @ weights[-1] + biases[-1], y_val))
    k = int(np.argmin(scores))
    w, b = models[k]
    return float(k), float(np.mean((X_val @ w + b > 0) == y_val)), float(np.mean((X_test @ w + b > 0) == y_test))

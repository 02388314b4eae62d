"""Chooses the candidate with the smallest training loss (the most flexible one)."""
def select_and_report(X_train, y_train, X_val, y_val, candidates, evaluate_on_test):
    models = [fit_polynomial_softmax(X_train, y_train, degree, l2, num_classes=3) for degree, l2 in candidates]
    best = int(np.argmin([model.loss(X_train, y_train) for model in models]))
    return candidates[best], float(evaluate_on_test(models[best]))

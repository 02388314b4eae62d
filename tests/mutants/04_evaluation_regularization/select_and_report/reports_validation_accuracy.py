"""Chooses correctly but reports the chosen model's validation accuracy instead of looking at the test set."""
def select_and_report(X_train, y_train, X_val, y_val, candidates, evaluate_on_test):
    models = [fit_polynomial_softmax(X_train, y_train, degree, l2, num_classes=3) for degree, l2 in candidates]
    best = int(np.argmin([model.loss(X_val, y_val) for model in models]))
    return candidates[best], float(models[best].accuracy(X_val, y_val))

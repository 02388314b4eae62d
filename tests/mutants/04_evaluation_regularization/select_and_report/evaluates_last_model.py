"""Remembers the best candidate but evaluates `model`, the loop variable, which is the last one fitted."""
def select_and_report(X_train, y_train, X_val, y_val, candidates, evaluate_on_test):
    best_loss, chosen = np.inf, None
    for degree, l2 in candidates:
        model = fit_polynomial_softmax(X_train, y_train, degree, l2, num_classes=3)
        val_loss = model.loss(X_val, y_val)
        if val_loss < best_loss:
            best_loss, chosen = val_loss, (degree, l2)
    return chosen, float(evaluate_on_test(model))

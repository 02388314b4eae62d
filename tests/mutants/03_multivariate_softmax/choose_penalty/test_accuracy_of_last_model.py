"""Chooses correctly but measures the test accuracy with W of the last candidate trained, not of the chosen one."""
def choose_penalty(train, val, test, num_classes, penalties, step_size, num_steps):
    best_accuracy, chosen = -1.0, None
    for penalty in sorted(penalties, reverse=True):
        W, _, val_accuracies = train_softmax_regression(train[0], train[1], val[0], val[1], num_classes, penalty,
                                                        step_size, num_steps)
        if val_accuracies[-1] > best_accuracy:
            best_accuracy, chosen = val_accuracies[-1], penalty
    X_test = np.hstack([np.ones((len(test[0]), 1)), test[0]])
    return float(chosen), float(np.mean(np.argmax(X_test @ W, axis=1) == test[1]))

"""Keeps the first of the tied candidates in the order given, not the largest penalty."""
def choose_penalty(train, val, test, num_classes, penalties, step_size, num_steps):
    best = None
    for penalty in penalties:
        W, _, val_accuracies = train_softmax_regression(train[0], train[1], val[0], val[1], num_classes, penalty,
                                                        step_size, num_steps)
        if best is None or val_accuracies[-1] > best[0]:
            best = (val_accuracies[-1], penalty, W)
    X_test = np.hstack([np.ones((len(test[0]), 1)), test[0]])
    return float(best[1]), float(np.mean(np.argmax(X_test @ best[2], axis=1) == test[1]))

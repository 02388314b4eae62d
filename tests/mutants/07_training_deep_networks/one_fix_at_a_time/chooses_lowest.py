"""Chooses the fix with the lowest validation accuracy."""
def one_fix_at_a_time(train, data, base_config, fixes, seed):
    """Apply each fix alone to base_config, train, and find the fix with the best validation accuracy.

    Args:
        train: a function like train_deep_mlp.
        data: (X_train, y_train, X_val, y_val, num_classes).
        base_config: a configuration dict (left unchanged).
        fixes: dict name -> dict of configuration entries.
        seed: the seed of the generator of every run.

    Returns:
        accuracies: dict name -> validation accuracy (float) of base_config with that fix alone.
        best: the name with the highest accuracy (the first one on ties).
    """
    accuracies = {}
    for name, changes in fixes.items():
        config = {**base_config, **changes}
        _, _, accuracy = train(*data, config, np.random.default_rng(seed))
        accuracies[name] = float(accuracy)
    best = min(accuracies, key=lambda name: accuracies[name])   # max keeps the first of tied names
    return accuracies, best

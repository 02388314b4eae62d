"""Trains with the package's epoch loop and optimizers instead of the student's train_network."""
from dlcourse.scratch import optim
from dlcourse.scratch.mlp import train_epoch


def tune_step_sizes(train, val, test, step_sizes, num_epochs, batch_size, seed):
    choices, models = {}, {}
    for name, candidates in step_sizes.items():
        best = None
        for lr in sorted(candidates):
            model = MLP([train[0].shape[1], 32, 10], "relu", rng=seed)
            stepper = optim.Adam(model.parameters(), lr=lr)
            for epoch in range(num_epochs):
                train_epoch(model, train[0], train[1], stepper, batch_size, np.random.default_rng(seed + epoch))
            accuracy = float(np.mean(model.predict(val[0]) == val[1]))
            if best is None or accuracy > best[1]:
                best = (float(lr), accuracy, model)
        choices[name] = best[:2]
        models[name] = best[2]
    winner = max(choices, key=lambda name: choices[name][1])
    return choices, winner, float(np.mean(models[winner].predict(test[0]) == test[1]))

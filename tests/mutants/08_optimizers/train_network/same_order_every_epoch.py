"""Uses the same seed for every epoch, so every epoch sees the batches in the same order."""
def train_network(train, val, optimizer, lr, num_epochs, batch_size, seed, hidden=32, num_classes=10):
    """Train MLP([D, hidden, num_classes], "relu", rng=seed) by mini-batch steps of the chosen optimizer.

    Args:
        train, val: pairs (X, y), X of shape (N, D), y integer labels of shape (N,).
        optimizer: "sgd", "momentum", "nesterov", "adagrad", "rmsprop" or "adam". lr: its step size.
        num_epochs: passes over the training data. batch_size: B. seed: for the weights and the batch order.
        hidden: hidden units. num_classes: outputs.

    Returns:
        model: the trained MLP.
        batch_losses: the mini-batch loss of every update, shape (num_epochs * ceil(N / B),).
        val_accuracies: the validation accuracy after each epoch, shape (num_epochs,).
    """
    X, y = train
    X_val, y_val = val
    model = MLP([X.shape[1], hidden, num_classes], "relu", rng=seed)
    params = model.parameters()
    states = [{"buffer": None, "s": np.zeros_like(p), "m": np.zeros_like(p), "v": np.zeros_like(p)} for p in params]
    batch_losses, val_accuracies = [], []
    t = 0
    for epoch in range(num_epochs):
        for X_batch, y_batch in iterate_minibatches(X, y, batch_size, seed):
            loss, grads = model.loss_and_gradients(X_batch, y_batch)
            batch_losses.append(loss)
            t += 1
            for p, g, state in zip(params, grads, states):
                if optimizer in ("sgd", "momentum", "nesterov"):
                    momentum = 0.0 if optimizer == "sgd" else 0.9
                    new, state["buffer"] = momentum_step(p, g, state["buffer"], lr, momentum, optimizer == "nesterov")
                elif optimizer == "adagrad":
                    new, state["s"] = adagrad_step(p, g, state["s"], lr)
                elif optimizer == "rmsprop":
                    new, state["s"] = rmsprop_step(p, g, state["s"], lr)
                else:
                    new, state["m"], state["v"] = adam_step(p, g, state["m"], state["v"], t, lr)
                p[...] = new
        val_accuracies.append(np.mean(model.predict(X_val) == y_val))
    return model, np.array(batch_losses, dtype=float), np.array(val_accuracies, dtype=float)

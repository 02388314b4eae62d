"""Ignores batch_size and takes one step per epoch on all the examples."""
def train_mlp(X, labels, layer_sizes, activation, step_size, num_epochs, batch_size, rng):
    params = init_mlp(layer_sizes, rng)
    N = len(X)
    losses = np.zeros(num_epochs)
    for epoch in range(num_epochs):
        order = rng.permutation(N)
        total = 0.0
        loss, grads = mlp_loss_and_gradients(params, X[order], labels[order], activation)
        params = [p - step_size * g for p, g in zip(params, grads)]
        total += loss * N
        losses[epoch] = total / N
    return params, losses

"""Always trains a ReLU network, whatever activation is asked for."""
def train_mlp(X, labels, layer_sizes, activation, step_size, num_epochs, batch_size, rng):
    params = init_mlp(layer_sizes, rng)
    N = len(X)
    losses = np.zeros(num_epochs)
    for epoch in range(num_epochs):
        order = rng.permutation(N)
        total = 0.0
        for start in range(0, N, batch_size):
            batch = order[start:start + batch_size]
            loss, grads = mlp_loss_and_gradients(params, X[batch], labels[batch], "relu")
            params = [p - step_size * g for p, g in zip(params, grads)]
            total += loss * len(batch)
        losses[epoch] = total / N
    return params, losses

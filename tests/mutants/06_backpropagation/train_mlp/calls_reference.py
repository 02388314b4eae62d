"""Trains the package's MLP with its train_epoch."""
from dlcourse.scratch import mlp, optim


def train_mlp(X, labels, layer_sizes, activation, step_size, num_epochs, batch_size, rng):
    model = mlp.MLP(layer_sizes, activation, rng)
    optimizer = optim.SGD(model.parameters(), lr=step_size)
    losses = np.array([mlp.train_epoch(model, X, labels, optimizer, batch_size, rng) for _ in range(num_epochs)])
    return model.parameters(), losses

"""Trains with the package's optimizers and epoch loop instead of the student's pieces."""
from dlcourse.scratch import optim
from dlcourse.scratch.mlp import train_epoch


def train_network(train, val, optimizer, lr, num_epochs, batch_size, seed, hidden=32, num_classes=10):
    X, y = train
    model = MLP([X.shape[1], hidden, num_classes], "relu", rng=seed)
    params = model.parameters()
    stepper = {"sgd": lambda: optim.SGD(params, lr=lr), "momentum": lambda: optim.SGD(params, lr=lr, momentum=0.9),
               "nesterov": lambda: optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
               "adagrad": lambda: optim.Adagrad(params, lr=lr), "rmsprop": lambda: optim.RMSprop(params, lr=lr),
               "adam": lambda: optim.Adam(params, lr=lr)}[optimizer]()
    losses, accuracies = [], []
    for epoch in range(num_epochs):
        losses.append(train_epoch(model, X, y, stepper, batch_size, np.random.default_rng(seed + epoch)))
        accuracies.append(np.mean(model.predict(val[0]) == val[1]))
    return model, np.array(losses), np.array(accuracies)

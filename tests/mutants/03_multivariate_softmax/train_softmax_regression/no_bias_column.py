"""Forgets the bias column: W has D rows instead of D + 1."""
def train_softmax_regression(X, y, num_classes, step_size, num_steps):
    Y = preprocessing.one_hot(y, num_classes)
    W = np.zeros((X.shape[1], num_classes))
    loss_history = [-np.sum(Y * activations.log_softmax(X @ W, axis=1)) / len(X)]
    for _ in range(num_steps):
        W = W - step_size * X.T @ (activations.softmax(X @ W, axis=1) - Y) / len(X)
        loss_history.append(-np.sum(Y * activations.log_softmax(X @ W, axis=1)) / len(X))
    return W, np.array(loss_history)

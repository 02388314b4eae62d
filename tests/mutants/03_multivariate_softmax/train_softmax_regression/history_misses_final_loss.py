"""Records the loss before each update only, so the loss of the final weights is missing (num_steps values)."""
def train_softmax_regression(X, y, num_classes, step_size, num_steps):
    X1 = features.add_bias_column(X)
    W = np.zeros((X1.shape[1], num_classes))
    loss_history = []
    for _ in range(num_steps):
        loss_history.append(softmax_regression.softmax_regression_loss(W, X1, y))
        W = W - step_size * softmax_regression.softmax_regression_gradient(W, X1, y)
    return W, np.array(loss_history)

"""Computes the gradient once, at W_0, before the loop, and keeps stepping along it."""
def train_softmax_regression(X, y, num_classes, step_size, num_steps):
    X1 = features.add_bias_column(X)
    W = np.zeros((X1.shape[1], num_classes))
    gradient = softmax_regression.softmax_regression_gradient(W, X1, y)
    loss_history = [softmax_regression.softmax_regression_loss(W, X1, y)]
    for _ in range(num_steps):
        W = W - step_size * gradient
        loss_history.append(softmax_regression.softmax_regression_loss(W, X1, y))
    return W, np.array(loss_history)

"""Adds the gradient: every step climbs the loss."""
def train_softmax_regression(X_train, y_train, X_val, y_val, num_classes, penalty, step_size, num_steps):
    X1 = np.hstack([np.ones((len(X_train), 1)), X_train])
    V1 = np.hstack([np.ones((len(X_val), 1)), X_val])
    W = np.zeros((X1.shape[1], num_classes))
    losses, accuracies = [], []
    for step in range(num_steps + 1):
        loss, dW = softmax_loss_and_gradient(W, X1, y_train, penalty)
        losses.append(loss)
        accuracies.append(np.mean(np.argmax(V1 @ W, axis=1) == y_val))
        if step < num_steps:
            W = W + step_size * dW
    return W, np.array(losses), np.array(accuracies)

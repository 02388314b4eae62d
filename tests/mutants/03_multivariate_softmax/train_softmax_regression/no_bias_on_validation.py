"""Adds the bias column for training but scores the validation data with the feature rows of W only, without the biases."""
def train_softmax_regression(X_train, y_train, X_val, y_val, num_classes, penalty, step_size, num_steps):
    X1 = np.hstack([np.ones((len(X_train), 1)), X_train])
    W = np.zeros((X1.shape[1], num_classes))
    losses, accuracies = [], []
    for step in range(num_steps + 1):
        loss, dW = softmax_loss_and_gradient(W, X1, y_train, penalty)
        losses.append(loss)
        accuracies.append(np.mean(np.argmax(X_val @ W[1:], axis=1) == y_val))
        if step < num_steps:
            W = W - step_size * dW
    return W, np.array(losses), np.array(accuracies)

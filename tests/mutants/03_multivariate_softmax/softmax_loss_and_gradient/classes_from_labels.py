"""Builds the one-hot labels with as many classes as the largest label: breaks when the last classes are absent from y."""
def softmax_loss_and_gradient(W, X, y, penalty):
    W = np.asarray(W, dtype=float)
    N = X.shape[0]
    Y = np.eye(y.max() + 1)[y]
    _, P, log_P = stable_softmax(X @ W, axis=1)
    loss = -np.sum(Y * log_P) / N + penalty / 2 * np.sum(W[1:] ** 2)
    dW = X.T @ (P - Y) / N
    dW[1:] += penalty * W[1:]
    return float(loss), dW

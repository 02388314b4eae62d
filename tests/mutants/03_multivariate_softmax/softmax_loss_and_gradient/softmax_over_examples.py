"""Normalizes the probabilities over the examples (axis 0) instead of over the classes of each example."""
def softmax_loss_and_gradient(W, X, y, penalty):
    W = np.asarray(W, dtype=float)
    N = X.shape[0]
    _, P, log_P = stable_softmax(X @ W, axis=0)
    loss = -np.mean(log_P[np.arange(N), y]) + penalty / 2 * np.sum(W[1:] ** 2)
    errors = P.copy()
    errors[np.arange(N), y] -= 1
    dW = X.T @ errors / N
    dW[1:] += penalty * W[1:]
    return float(loss), dW

"""Divides the penalty by N along with the data term."""
def softmax_loss_and_gradient(W, X, y, penalty):
    W = np.asarray(W, dtype=float)
    N = X.shape[0]
    _, P, log_P = stable_softmax(X @ W, axis=1)
    loss = (-np.sum(log_P[np.arange(N), y]) + penalty / 2 * np.sum(W[1:] ** 2)) / N
    errors = P.copy()
    errors[np.arange(N), y] -= 1
    dW = X.T @ errors
    dW[1:] += penalty * W[1:]
    return float(loss), dW / N

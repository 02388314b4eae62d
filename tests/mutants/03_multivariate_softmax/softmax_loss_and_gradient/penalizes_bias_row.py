"""Penalizes every row of W, the bias row 0 included."""
def softmax_loss_and_gradient(W, X, y, penalty):
    W = np.asarray(W, dtype=float)
    N = X.shape[0]
    _, P, log_P = stable_softmax(X @ W, axis=1)
    loss = -np.mean(log_P[np.arange(N), y]) + penalty / 2 * np.sum(W ** 2)
    errors = P.copy()
    errors[np.arange(N), y] -= 1
    return float(loss), X.T @ errors / N + penalty * W

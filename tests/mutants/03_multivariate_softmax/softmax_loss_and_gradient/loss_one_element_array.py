"""Right numbers, but the loss comes back as an array of shape (1,) (a keepdims sum), not a float."""
def softmax_loss_and_gradient(W, X, y, penalty):
    W = np.asarray(W, dtype=float)
    N = X.shape[0]
    _, P, log_P = stable_softmax(X @ W, axis=1)
    picked = log_P[np.arange(N), y]
    loss = -np.sum(picked, keepdims=True) / N + penalty / 2 * np.sum(W[1:] ** 2)
    errors = P.copy()
    errors[np.arange(N), y] -= 1
    dW = X.T @ errors / N
    dW[1:] += penalty * W[1:]
    return loss, dW

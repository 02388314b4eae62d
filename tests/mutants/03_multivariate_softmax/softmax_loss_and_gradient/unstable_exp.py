"""Computes the softmax and its log straight from np.exp of the logits: exp(1000) overflows."""
def softmax_loss_and_gradient(W, X, y, penalty):
    W = np.asarray(W, dtype=float)
    N = X.shape[0]
    E = np.exp(X @ W)
    P = E / np.sum(E, axis=1, keepdims=True)
    loss = -np.mean(np.log(P[np.arange(N), y])) + penalty / 2 * np.sum(W[1:] ** 2)
    errors = P.copy()
    errors[np.arange(N), y] -= 1
    dW = X.T @ errors / N
    dW[1:] += penalty * W[1:]
    return float(loss), dW

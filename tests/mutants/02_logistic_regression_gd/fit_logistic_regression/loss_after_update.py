"""Records each loss after the update that follows it: losses[t] belongs to (w_{t+1}, b_{t+1})."""
def fit_logistic_regression(X, y, step_size, num_steps):
    w, b = np.zeros(np.shape(X)[1]), 0.0
    weights, biases, losses = [w], [b], []
    for _ in range(num_steps + 1):
        grad_w, grad_b = logistic_regression_gradient(w, b, X, y)
        w, b = w - step_size * grad_w, b - step_size * grad_b
        losses.append(binary_cross_entropy_with_logits(X @ w + b, y))
        if len(weights) <= num_steps:
            weights.append(w)
            biases.append(b)
    return np.array(weights), np.array(biases), np.array(losses)

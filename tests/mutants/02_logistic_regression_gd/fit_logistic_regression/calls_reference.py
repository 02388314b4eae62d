"""Hands the loop to the package's gradient_descent instead of writing it."""
from dlcourse.scratch.optim import gradient_descent


def fit_logistic_regression(X, y, step_size, num_steps):
    D = np.shape(X)[1]

    def gradient(params):
        grad_w, grad_b = logistic_regression_gradient(params[:D], params[D], X, y)
        return np.append(grad_w, grad_b)

    path = gradient_descent(gradient, np.zeros(D + 1), step_size, num_steps)
    losses = np.array([binary_cross_entropy_with_logits(X @ p[:D] + p[D], y) for p in path])
    return path[:, :D], path[:, D], losses

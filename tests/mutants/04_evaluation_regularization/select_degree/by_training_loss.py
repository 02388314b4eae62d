"""Evaluates each fit on its own training data, so the largest degree always wins."""
def select_degree(x_train, y_train, x_val, y_val, degrees):
    losses = []
    for degree in degrees:
        w = fit_least_squares(polynomial_features(x_train, degree), y_train)
        losses.append(np.mean((polynomial_features(x_train, degree) @ w - y_train) ** 2))
    losses = np.array(losses)
    return degrees[int(np.argmin(losses))], losses

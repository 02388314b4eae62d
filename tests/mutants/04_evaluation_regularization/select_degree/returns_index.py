"""Returns the position of the best degree in the list instead of the degree itself."""
def select_degree(x_train, y_train, x_val, y_val, degrees):
    val_losses = []
    for degree in degrees:
        w = fit_least_squares(polynomial_features(x_train, degree), y_train)
        val_losses.append(np.mean((polynomial_features(x_val, degree) @ w - y_val) ** 2))
    val_losses = np.array(val_losses)
    return int(np.argmin(val_losses)), val_losses

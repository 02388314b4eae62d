"""Adds the gradient: gradient ascent climbs the loss."""
def gradient_descent(gradient, w0, step_size, num_steps):
    w = np.asarray(w0, dtype=float)
    trajectory = [w]
    for _ in range(num_steps):
        w = w + step_size * gradient(w)
        trajectory.append(w)
    return np.array(trajectory)

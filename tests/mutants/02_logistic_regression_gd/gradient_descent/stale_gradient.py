"""Computes the gradient once, at the start, and reuses it for every step."""
def gradient_descent(gradient, w0, step_size, num_steps):
    w = np.asarray(w0, dtype=float)
    g = gradient(w)
    trajectory = [w]
    for _ in range(num_steps):
        w = w - step_size * g
        trajectory.append(w)
    return np.array(trajectory)

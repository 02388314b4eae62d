"""Records only the updated iterates, so the trajectory misses w0 (num_steps entries)."""
def gradient_descent(gradient, w0, step_size, num_steps):
    w = np.asarray(w0, dtype=float)
    trajectory = []
    for _ in range(num_steps):
        w = w - step_size * gradient(w)
        trajectory.append(w)
    return np.array(trajectory)

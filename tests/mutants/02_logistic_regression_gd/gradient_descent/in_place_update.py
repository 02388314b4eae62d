"""Updates w in place (w -= ...), so every stored iterate is the same array, the last one."""
def gradient_descent(gradient, w0, step_size, num_steps):
    w = np.array(w0, dtype=float)
    trajectory = [w]
    for _ in range(num_steps):
        w -= step_size * gradient(w)
        trajectory.append(w)
    return np.array(trajectory)

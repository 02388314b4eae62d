"""Ignores the step it is given and always uses its own h = 1e-6."""
def numerical_gradient(f, x, h=1e-5):
    step = 1e-6
    point = np.array(x, dtype=float)
    gradient = np.zeros(point.shape)
    for index in np.ndindex(point.shape):
        original = point[index]
        point[index] = original + step
        f_plus = f(point)
        point[index] = original - step
        f_minus = f(point)
        point[index] = original
        gradient[index] = (f_plus - f_minus) / (2 * step)
    return gradient

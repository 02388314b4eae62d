"""Allocates the gradient with np.zeros_like(x): integer for an integer x, so every estimate is truncated."""
def numerical_gradient(f, x, h=1e-5):
    point = np.array(x, dtype=float)
    gradient = np.zeros_like(x)
    for index in np.ndindex(point.shape):
        original = point[index]
        point[index] = original + h
        f_plus = f(point)
        point[index] = original - h
        f_minus = f(point)
        point[index] = original
        gradient[index] = (f_plus - f_minus) / (2 * h)
    return gradient

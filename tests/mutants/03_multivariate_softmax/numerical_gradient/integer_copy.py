"""Copies x without converting it: for an integer x, x_i + h is truncated back to an integer."""
def numerical_gradient(f, x, h=1e-5):
    point = x.copy()
    gradient = np.zeros(x.shape)
    for index in np.ndindex(x.shape):
        original = point[index]
        point[index] = original + h
        f_plus = f(point)
        point[index] = original - h
        f_minus = f(point)
        point[index] = original
        gradient[index] = (f_plus - f_minus) / (2 * h)
    return gradient

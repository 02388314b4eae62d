"""Loops over range(len(x)): for a matrix, point[i] is a whole row, so every entry of the row is moved at once."""
def numerical_gradient(f, x, h=1e-5):
    point = np.array(x, dtype=float)
    gradient = np.zeros(point.shape)
    for i in range(len(point)):
        original = point[i].copy()
        point[i] = original + h
        f_plus = f(point)
        point[i] = original - h
        f_minus = f(point)
        point[i] = original
        gradient[i] = (f_plus - f_minus) / (2 * h)
    return gradient

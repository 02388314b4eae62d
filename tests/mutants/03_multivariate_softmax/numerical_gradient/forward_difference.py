"""One-sided (forward) difference (f(x + h e_i) - f(x)) / h: an error of order h instead of h^2."""
def numerical_gradient(f, x, h=1e-5):
    point = np.array(x, dtype=float)
    gradient = np.zeros(point.shape)
    f_here = f(point)
    for index in np.ndindex(point.shape):
        original = point[index]
        point[index] = original + h
        gradient[index] = (f(point) - f_here) / h
        point[index] = original
    return gradient

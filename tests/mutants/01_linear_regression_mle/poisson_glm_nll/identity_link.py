"""Uses the identity link, rate = w x, which can be zero or negative."""
def poisson_glm_nll(w, x, y):
    rate = w * x
    return np.mean(rate - y * np.log(rate) + gammaln(y + 1))

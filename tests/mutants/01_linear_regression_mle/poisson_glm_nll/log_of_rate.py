"""Takes log(rate) of the exponentiated rate instead of using w x: -inf once exp(w x) underflows to 0."""
def poisson_glm_nll(w, x, y):
    rate = np.exp(w * x)
    return float(np.mean(rate - y * np.log(rate) + gammaln(y + 1)))

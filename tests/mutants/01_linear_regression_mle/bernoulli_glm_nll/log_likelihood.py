"""Returns the average log-likelihood instead of its negative."""
def bernoulli_glm_nll(w, x, y):
    pi = 1 / (1 + np.exp(-w * x))
    return np.mean(y * np.log(pi) + (1 - y) * np.log(1 - pi))

"""The textbook formula, computing pi first and then its logarithms: exp overflows at logit -1000,
and 1 - pi rounds to 0 from logit 40 on."""
def bernoulli_glm_nll(w, x, y):
    pi = 1 / (1 + np.exp(-w * x))
    return float(-np.mean(y * np.log(pi) + (1 - y) * np.log(1 - pi)))

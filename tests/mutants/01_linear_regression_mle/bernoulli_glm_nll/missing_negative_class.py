"""Keeps only the y log(pi) term, so examples with label 0 cost nothing."""
def bernoulli_glm_nll(w, x, y):
    pi = 1 / (1 + np.exp(-w * x))
    return -np.mean(y * np.log(pi))

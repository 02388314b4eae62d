"""Factors e^z out of the softplus, log(1 + e^z) = z + log(1 + e^-z), for every z: stable for
large positive logits, but exp(-z) overflows for large negative ones."""
def bernoulli_glm_nll(w, x, y):
    z = w * x
    return float(np.mean(z + np.log1p(np.exp(-z)) - y * z))

"""Derives the softplus form log(1 + e^z) - y z correctly, but writes the softplus as it stands:
exp(z) overflows for z = 1000."""
def bernoulli_glm_nll(w, x, y):
    z = w * x
    return float(np.mean(np.log1p(np.exp(z)) - y * z))

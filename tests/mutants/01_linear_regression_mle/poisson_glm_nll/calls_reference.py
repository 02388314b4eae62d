"""Wraps the package's own Poisson NLL instead of deriving it."""
from dlcourse.scratch import losses


def poisson_glm_nll(w, x, y):
    return losses.poisson_nll(y, np.exp(w * x))

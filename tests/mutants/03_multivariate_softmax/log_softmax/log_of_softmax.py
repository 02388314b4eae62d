"""Takes the log of a (stable) softmax: a probability that underflows to 0 gives log(0) = -inf."""
def log_softmax(Z):
    return np.log(softmax(Z))

"""Takes the log of the probabilities: log(0) for a logit of -1000."""
def binary_cross_entropy_with_logits(logits, targets):
    s = logistic(logits)
    return -np.mean(targets * np.log(s) + (1 - targets) * np.log(1 - s))

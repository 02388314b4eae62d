"""Returns the average log-likelihood instead of its negative."""
def categorical_cross_entropy(logits, Y):
    return np.mean(np.sum(Y * activations.log_softmax(logits, axis=1), axis=1))

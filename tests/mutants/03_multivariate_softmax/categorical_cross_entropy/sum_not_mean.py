"""Forgets the 1/N: returns the summed loss over the examples."""
def categorical_cross_entropy(logits, Y):
    return -np.sum(Y * activations.log_softmax(logits, axis=1))

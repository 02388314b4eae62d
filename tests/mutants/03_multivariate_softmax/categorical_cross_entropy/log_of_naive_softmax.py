"""Takes the log of a softmax written with a plain exp: overflows for logits of 1000."""
def categorical_cross_entropy(logits, Y):
    P = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    return -np.mean(np.sum(Y * np.log(P), axis=1))

"""Lets the most confident model decide (maximum over the models) instead of summing."""
def soft_vote(probabilities):
    return np.argmax(probabilities.max(axis=0), axis=1)

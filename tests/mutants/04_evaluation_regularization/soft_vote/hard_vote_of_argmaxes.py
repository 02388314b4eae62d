"""Takes each model's most probable class first and then a majority vote: a hard vote."""
def soft_vote(probabilities):
    votes = np.argmax(probabilities, axis=2)   # (J, M)
    k = probabilities.shape[2]
    counts = np.stack([np.sum(votes == c, axis=0) for c in range(k)], axis=1)
    return np.argmax(counts, axis=1)

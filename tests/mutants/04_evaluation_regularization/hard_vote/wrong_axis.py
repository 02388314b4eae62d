"""Counts each model's votes over all points (axis 1) instead of each point's votes over the models."""
def hard_vote(labels, num_classes):
    counts = np.stack([np.sum(labels == k, axis=1) for k in range(num_classes)], axis=1)   # (J, K)
    return np.argmax(counts, axis=1)

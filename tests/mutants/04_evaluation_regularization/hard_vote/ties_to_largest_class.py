"""Breaks ties towards the largest class (argmax over the reversed counts)."""
def hard_vote(labels, num_classes):
    counts = np.stack([np.sum(labels == k, axis=0) for k in range(num_classes)], axis=1)
    return num_classes - 1 - np.argmax(counts[:, ::-1], axis=1)

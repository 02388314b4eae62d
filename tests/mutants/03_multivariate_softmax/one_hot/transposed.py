"""Indexes the columns of the identity instead of its rows: returns Y transposed, shape (K, N)."""
def one_hot(labels, num_classes):
    return np.eye(num_classes)[:, labels]

"""Returns an integer array (0 and 1 as ints) where the statement asks for floats."""
def one_hot(labels, num_classes):
    return (labels[:, None] == np.arange(num_classes)).astype(int)

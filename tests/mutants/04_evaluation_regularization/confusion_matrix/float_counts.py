"""Counts into np.zeros((K, K)), whose default dtype is float: the counts come back as floats."""
def confusion_matrix(y_true, y_pred, num_classes):
    C = np.zeros((num_classes, num_classes))
    for t, p in zip(y_true, y_pred):
        C[t, p] += 1
    return C

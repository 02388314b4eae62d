"""Sizes the matrix by the largest label that occurs, ignoring num_classes."""
def confusion_matrix(y_true, y_pred, num_classes):
    k = int(max(y_true.max(), y_pred.max())) + 1
    C = np.zeros((k, k), dtype=int)
    for t, p in zip(y_true, y_pred):
        C[t, p] += 1
    return C

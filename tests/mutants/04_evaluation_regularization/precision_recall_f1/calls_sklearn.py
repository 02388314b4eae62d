"""Expands the matrix back into label arrays and wraps scikit-learn's precision/recall/F1."""
from sklearn.metrics import precision_recall_fscore_support


def precision_recall_f1(C, average=None, zero_division=0.0):
    C = np.asarray(C)
    k = len(C)
    y_true = np.repeat(np.repeat(np.arange(k), k), C.ravel())
    y_pred = np.repeat(np.tile(np.arange(k), k), C.ravel())
    precision, recall, f1, _ = precision_recall_fscore_support(
        y_true, y_pred, labels=np.arange(k), average=average, zero_division=zero_division)
    if average is None:
        return precision, recall, f1
    return float(precision), float(recall), float(f1)

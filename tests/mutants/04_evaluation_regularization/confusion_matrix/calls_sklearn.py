"""Wraps scikit-learn's confusion matrix, one import away, instead of counting."""
from sklearn.metrics import confusion_matrix as sklearn_counts


def confusion_matrix(y_true, y_pred, num_classes):
    return sklearn_counts(y_true, y_pred, labels=np.arange(num_classes))

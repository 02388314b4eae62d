"""Wraps the package's confusion matrix instead of counting."""
from dlcourse.metrics import confusion_matrix as package_confusion_matrix


def confusion_matrix(y_true, y_pred, num_classes):
    return package_confusion_matrix(y_true, y_pred, labels=range(num_classes))

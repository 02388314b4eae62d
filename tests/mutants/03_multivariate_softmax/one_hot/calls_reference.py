"""Wraps the package's one-hot encoder instead of writing it."""
from dlcourse.scratch import preprocessing


def one_hot(labels, num_classes):
    return preprocessing.one_hot(labels, num_classes)

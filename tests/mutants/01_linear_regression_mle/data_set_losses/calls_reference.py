"""Wraps the package's own losses instead of writing them."""
from dlcourse.scratch import losses


def data_set_losses(w, x, y):
    return losses.mean_squared_error(w * x, y), losses.mean_absolute_error(w * x, y)

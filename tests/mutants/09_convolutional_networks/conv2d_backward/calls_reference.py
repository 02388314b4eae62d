"""Hands the backward pass to the package's conv2d_backward (through its forward's cache)."""
from dlcourse.scratch import conv


def conv2d_backward(dout, x, w, stride=1, padding=0):
    _, cache = conv.conv2d_forward(x, w, np.zeros(w.shape[0]), stride, padding)
    return conv.conv2d_backward(dout, cache)

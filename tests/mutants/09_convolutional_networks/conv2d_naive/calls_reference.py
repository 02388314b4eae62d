"""Hands the loops to the package's reference convolution."""
from dlcourse.scratch import conv


def conv2d_naive(x, w, b, stride=1, padding=0):
    return conv.conv2d_forward_naive(x, w, b, stride, padding)

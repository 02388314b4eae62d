"""Hands the computation to the package's im2col convolution."""
from dlcourse.scratch import conv


def conv2d_vectorized(x, w, b, stride=1, padding=0):
    out, _ = conv.conv2d_forward(x, w, b, stride, padding)
    return out

"""Hands both passes to the package's max pooling."""
from dlcourse.scratch import conv


def max_pool2d(x, pool_size):
    return conv.max_pool2d_forward(x, pool_size)[0]


def max_pool2d_backward(dout, x, pool_size):
    return conv.max_pool2d_backward(dout, conv.max_pool2d_forward(x, pool_size)[1])

"""Multiplies the kernel sizes, as if each layer's field were k copies of the one below without overlap."""


def receptive_field(layers):
    size, jump = 1, 1
    for kernel_size, stride in layers:
        size = size * kernel_size
        jump = jump * stride
    return size, jump

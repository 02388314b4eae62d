"""Multiplies the jump by the layer's own stride before using it for that layer's growth."""


def receptive_field(layers):
    size, jump = 1, 1
    for kernel_size, stride in layers:
        jump = jump * stride
        size = size + (kernel_size - 1) * jump
    return size, jump

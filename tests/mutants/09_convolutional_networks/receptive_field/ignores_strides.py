"""Adds k - 1 per layer as if every earlier stride were 1 (the jump is computed but never used for the size)."""


def receptive_field(layers):
    size, jump = 1, 1
    for kernel_size, stride in layers:
        size = size + kernel_size - 1
        jump = jump * stride
    return size, jump

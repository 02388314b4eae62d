"""Raises the error, but its message does not say which size fails to divide."""


def conv_layer_size(input_shape, num_filters, filter_size, stride=1, padding=0):
    channels, height, width = input_shape
    sizes = []
    for size in (height, width):
        span = size - filter_size + 2 * padding
        if span < 0 or span % stride != 0:
            raise ValueError("invalid convolution")
        sizes.append(span // stride + 1)
    return (num_filters, sizes[0], sizes[1]), num_filters * (channels * filter_size * filter_size + 1)

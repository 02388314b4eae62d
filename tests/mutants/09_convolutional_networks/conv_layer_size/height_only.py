"""Checks the divisibility of the height only, and uses the height's size for the width too."""


def conv_layer_size(input_shape, num_filters, filter_size, stride=1, padding=0):
    channels, height, width = input_shape
    span = height - filter_size + 2 * padding
    if span < 0:
        raise ValueError("the filter does not fit")
    if span % stride != 0:
        raise ValueError(f"H - F + 2P = {span} is not divisible by the stride {stride}")
    size = span // stride + 1
    return (num_filters, size, size), num_filters * (channels * filter_size * filter_size + 1)

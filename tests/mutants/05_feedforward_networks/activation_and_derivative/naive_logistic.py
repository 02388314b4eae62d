"""The textbook formula 1 / (1 + exp(-z)) for every z: exp(1000) overflows for z = -1000."""


def activation_and_derivative(z, name, negative_slope=0.01):
    z = np.asarray(z, dtype=float)
    if name == "logistic":
        values = 1.0 / (1.0 + np.exp(-z))
        return values, values * (1.0 - values)
    if name == "tanh":
        values = np.tanh(z)
        return values, 1.0 - values ** 2
    if name == "relu":
        return np.maximum(z, 0.0), (z > 0).astype(float)
    if name == "leaky_relu":
        return np.where(z > 0, z, negative_slope * z), np.where(z > 0, 1.0, float(negative_slope))
    raise ValueError(f"unknown activation {name!r}")

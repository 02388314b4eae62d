"""Returns weights of shape (fan_out, fan_in), torch.nn.Linear's layout, instead of (fan_in, fan_out)."""
def xavier_uniform(fan_in, fan_out, rng, dtype=np.float64):
    """Xavier/Glorot uniform initialization.

    Args:
        fan_in: number of inputs of the layer (rows of the weight matrix).
        fan_out: number of outputs of the layer (columns).
        rng: a np.random.Generator; every random number is drawn from it.
        dtype: the dtype of the result.

    Returns:
        W, shape (fan_in, fan_out), of dtype `dtype`: independent Uniform(-a, a) entries with the
        variance 2 / (fan_in + fan_out).
    """
    bound = math.sqrt(6.0 / (fan_in + fan_out))      # Var(Uniform(-a, a)) = a^2 / 3
    return rng.uniform(-bound, bound, size=(fan_out, fan_in)).astype(dtype)


def he_normal(fan_in, fan_out, rng, dtype=np.float64):
    """He normal initialization for ReLU layers.

    Args:
        fan_in, fan_out: rows and columns of the weight matrix.
        rng: a np.random.Generator; every random number is drawn from it.
        dtype: the dtype of the result.

    Returns:
        W, shape (fan_in, fan_out), of dtype `dtype`: independent normal entries with mean 0 and the
        variance that keeps a ReLU network's E[h^2] constant through the forward pass.
    """
    return rng.normal(0.0, math.sqrt(2.0 / fan_in), size=(fan_out, fan_in)).astype(dtype)

"""Normalizes over the examples (axis 0), as batch norm does, instead of over the features."""
def layer_norm_forward(x, gamma, beta, eps=1e-5):
    """Layer normalization over the last axis.

    Args:
        x: shape (..., D).
        gamma, beta: shape (D,).
        eps: added to the variance inside the square root.

    Returns:
        out: shape of x.
        cache: what layer_norm_backward needs.
    """
    x = np.asarray(x, dtype=float)
    mean = x.mean(axis=0, keepdims=True)
    var = np.mean((x - mean) ** 2, axis=0, keepdims=True)
    inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = (x - mean) * inv_std
    return gamma * x_hat + beta, (x_hat, gamma, inv_std)


def layer_norm_backward(dout, cache):
    """Backward pass of layer_norm_forward.

    Args:
        dout: dL/dout, shape of x.
        cache: from layer_norm_forward.

    Returns:
        dx (shape of x), dgamma (D,), dbeta (D,).
    """
    x_hat, gamma, inv_std = cache
    leading = tuple(range(x_hat.ndim - 1))
    dgamma = np.sum(dout * x_hat, axis=leading)
    dbeta = np.sum(dout, axis=leading)
    g = dout * gamma
    D = x_hat.shape[-1]
    dx = inv_std / D * (D * g - g.sum(axis=-1, keepdims=True) - x_hat * np.sum(g * x_hat, axis=-1, keepdims=True))
    return dx, dgamma, dbeta

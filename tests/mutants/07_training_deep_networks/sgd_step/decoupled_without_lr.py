"""Decoupled decay shrinks by (1 - weight_decay), forgetting the step size."""
def sgd_step(w, grad, velocity, lr, momentum, weight_decay, decoupled):
    """One momentum step with weight decay, (7.11).

    Args:
        w: the parameters, any shape.
        grad: the gradient of the loss (without the penalty) at w, shape of w.
        velocity: the current velocity, shape of w (zeros at the first step).
        lr: step size alpha > 0.
        momentum: mu in [0, 1).
        weight_decay: lambda >= 0.
        decoupled: False: weight decay as an L2 penalty in the gradient; True: decoupled shrinking of w.

    Returns:
        new_w, new_velocity: new arrays of the shape of w.
    """
    if decoupled:
        new_velocity = momentum * velocity + grad
        return (1.0 - weight_decay) * w - lr * new_velocity, new_velocity
    new_velocity = momentum * velocity + grad + weight_decay * w
    return w - lr * new_velocity, new_velocity

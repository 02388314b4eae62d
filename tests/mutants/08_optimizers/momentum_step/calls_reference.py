"""Runs one step of the package's SGD on a copy instead of writing the update."""
from dlcourse.scratch import optim


def momentum_step(w, grad, buffer, lr, momentum, nesterov=False):
    new_w = np.array(w, dtype=float)
    optimizer = optim.SGD([new_w], lr=lr, momentum=momentum, nesterov=nesterov)
    if buffer is not None:
        optimizer.state[0]["momentum_buffer"] = np.array(buffer, dtype=float)
    optimizer.step([np.array(grad, dtype=float)])
    return new_w, optimizer.state[0].get("momentum_buffer", np.array(grad, dtype=float))

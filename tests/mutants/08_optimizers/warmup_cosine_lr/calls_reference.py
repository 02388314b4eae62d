"""Wraps the package's warm-up-cosine schedule."""
from dlcourse.scratch import schedules


def warmup_cosine_lr(t, base_lr, warmup_steps, total_steps, start_factor=0.1, eta_min=0.0):
    return schedules.warmup_cosine_lr(t, base_lr, warmup_steps, total_steps, start_factor, eta_min)

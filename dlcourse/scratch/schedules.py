"""Step-size (learning-rate) schedules: the step size as a function of the epoch or step ``t``.

Each function gives the closed form of a ``torch.optim.lr_scheduler`` scheduler after ``t`` calls
of ``scheduler.step()`` (t = 0 is the step size before any), so ::

    for t in range(num_epochs):
        optimizer.lr = cosine_annealing_lr(t, base_lr=0.1, t_max=num_epochs)
        ...train one epoch...

runs the same schedule as ``CosineAnnealingLR(optimizer, T_max=num_epochs)`` stepped once per
epoch. ``t`` may also be an array of steps (for plotting a schedule); the result then has its shape.

=============================  ============================  =============================
schedule                       function                      PyTorch
=============================  ============================  =============================
constant                       :func:`constant_lr`           no scheduler
step decay                     :func:`step_lr`               ``StepLR``
exponential decay              :func:`exponential_lr`        ``ExponentialLR``
cosine annealing               :func:`cosine_annealing_lr`   ``CosineAnnealingLR``
linear warmup (or decay)       :func:`linear_lr`             ``LinearLR``
warmup then cosine             :func:`warmup_cosine_lr`      ``SequentialLR(LinearLR, CosineAnnealingLR)``
=============================  ============================  =============================
"""

from __future__ import annotations

import numpy as np

from dlcourse._validate import as_non_negative_float, as_positive_int

__all__ = ["constant_lr", "step_lr", "exponential_lr", "cosine_annealing_lr", "linear_lr", "warmup_cosine_lr"]


def _steps(t) -> np.ndarray:
    array = np.asarray(t)
    if array.dtype == bool or not np.issubdtype(array.dtype, np.integer):
        raise TypeError(f"t must be a non-negative integer step (or an array of them), got {t!r}")
    if np.any(array < 0):
        raise ValueError(f"t must be non-negative, got {t!r}")
    return array


def _result(value: np.ndarray, t) -> float | np.ndarray:
    return float(value) if np.ndim(t) == 0 else value


def constant_lr(t, base_lr: float):
    """``lr_t = base_lr`` for every t: the baseline schedule. (``torch.optim.lr_scheduler.ConstantLR``
    is something else: it multiplies the step size by a factor for the first few steps.)"""
    t = _steps(t)
    return _result(np.full(t.shape, as_non_negative_float(base_lr, "base_lr")), t)


def step_lr(t, base_lr: float, step_size: int, gamma: float = 0.1):
    """Step decay ``lr_t = base_lr * gamma^floor(t / step_size)``: multiply by ``gamma`` every
    ``step_size`` steps (``StepLR``)."""
    t = _steps(t)
    step_size = as_positive_int(step_size, "step_size")
    gamma = as_non_negative_float(gamma, "gamma")
    return _result(as_non_negative_float(base_lr, "base_lr") * gamma ** (t // step_size), t)


def exponential_lr(t, base_lr: float, gamma: float):
    """Exponential decay ``lr_t = base_lr * gamma^t`` (``ExponentialLR``)."""
    t = _steps(t)
    gamma = as_non_negative_float(gamma, "gamma")
    return _result(as_non_negative_float(base_lr, "base_lr") * gamma**t, t)


def cosine_annealing_lr(t, base_lr: float, t_max: int, eta_min: float = 0.0):
    """Cosine annealing ``lr_t = eta_min + (base_lr - eta_min) (1 + cos(pi t / t_max)) / 2``
    (``CosineAnnealingLR``): from ``base_lr`` at t = 0 down to ``eta_min`` at ``t = t_max``, slowly
    at both ends. Past ``t_max`` the cosine continues (it rises again), as in PyTorch."""
    t = _steps(t)
    t_max = as_positive_int(t_max, "t_max")
    base_lr = as_non_negative_float(base_lr, "base_lr")
    eta_min = as_non_negative_float(eta_min, "eta_min")
    return _result(eta_min + (base_lr - eta_min) * (1.0 + np.cos(np.pi * t / t_max)) / 2.0, t)


def linear_lr(t, base_lr: float, start_factor: float = 1.0 / 3.0, end_factor: float = 1.0, total_iters: int = 5):
    """Linear warmup (or decay) ``lr_t = base_lr * (start + (end - start) * min(t, total_iters) / total_iters)``
    (``LinearLR``, same defaults). A warmup starts small (``start_factor`` 0.01, say) and reaches
    ``base_lr`` after ``total_iters`` steps, which keeps the first, poorly-informed steps short."""
    t = _steps(t)
    total_iters = as_positive_int(total_iters, "total_iters")
    start_factor = as_non_negative_float(start_factor, "start_factor")
    end_factor = as_non_negative_float(end_factor, "end_factor")
    if start_factor == 0 or start_factor > 1 or end_factor > 1:
        raise ValueError(
            f"start_factor must be in (0, 1] and end_factor in [0, 1] (as torch), got {start_factor} and {end_factor}"
        )
    progress = np.minimum(t, total_iters) / total_iters
    return _result(as_non_negative_float(base_lr, "base_lr") * (start_factor + (end_factor - start_factor) * progress), t)


def warmup_cosine_lr(t, base_lr: float, warmup_steps: int, total_steps: int, start_factor: float = 0.01,
                     eta_min: float = 0.0):
    """Linear warmup for ``warmup_steps`` steps, then cosine annealing to ``eta_min`` at ``total_steps``:
    the usual transformer schedule (``SequentialLR([LinearLR(start_factor, total_iters=warmup_steps),
    CosineAnnealingLR(T_max=total_steps - warmup_steps, eta_min)], milestones=[warmup_steps])``)."""
    t = _steps(t)
    warmup_steps = as_positive_int(warmup_steps, "warmup_steps")
    total_steps = as_positive_int(total_steps, "total_steps")
    if total_steps <= warmup_steps:
        raise ValueError(f"total_steps must exceed warmup_steps = {warmup_steps}, got {total_steps}")
    warm = linear_lr(np.minimum(t, warmup_steps), base_lr, start_factor, 1.0, warmup_steps)
    cool = cosine_annealing_lr(np.maximum(t - warmup_steps, 0), base_lr, total_steps - warmup_steps, eta_min)
    return _result(np.where(t < warmup_steps, warm, cool), t)

"""Step-size schedules match torch.optim.lr_scheduler step by step."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from torch.optim import lr_scheduler

from dlcourse.scratch import schedules


def _torch_lrs(make_scheduler, base_lr, steps):
    """The learning rate torch uses at each of ``steps`` epochs (before each scheduler.step())."""
    optimizer = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=base_lr)
    scheduler = make_scheduler(optimizer)
    lrs = []
    for _ in range(steps):
        lrs.append(optimizer.param_groups[0]["lr"])
        optimizer.step()
        scheduler.step()
    return np.array(lrs)


CASES = [
    ("constant", lambda o: lr_scheduler.LambdaLR(o, lambda t: 1.0), lambda t: schedules.constant_lr(t, 0.1)),
    ("step", lambda o: lr_scheduler.StepLR(o, step_size=7), lambda t: schedules.step_lr(t, 0.1, 7)),
    ("step_gamma", lambda o: lr_scheduler.StepLR(o, step_size=3, gamma=0.5), lambda t: schedules.step_lr(t, 0.1, 3, 0.5)),
    ("exponential", lambda o: lr_scheduler.ExponentialLR(o, gamma=0.95), lambda t: schedules.exponential_lr(t, 0.1, 0.95)),
    ("cosine", lambda o: lr_scheduler.CosineAnnealingLR(o, T_max=20), lambda t: schedules.cosine_annealing_lr(t, 0.1, 20)),
    ("cosine_eta_min", lambda o: lr_scheduler.CosineAnnealingLR(o, T_max=15, eta_min=0.01),
     lambda t: schedules.cosine_annealing_lr(t, 0.1, 15, 0.01)),
    ("linear_default", lambda o: lr_scheduler.LinearLR(o), lambda t: schedules.linear_lr(t, 0.1)),
    ("linear_warmup", lambda o: lr_scheduler.LinearLR(o, start_factor=0.01, total_iters=10),
     lambda t: schedules.linear_lr(t, 0.1, 0.01, 1.0, 10)),
    ("linear_decay", lambda o: lr_scheduler.LinearLR(o, start_factor=1.0, end_factor=0.1, total_iters=25),
     lambda t: schedules.linear_lr(t, 0.1, 1.0, 0.1, 25)),
    ("warmup_cosine", lambda o: lr_scheduler.SequentialLR(o, [lr_scheduler.LinearLR(o, start_factor=0.01, total_iters=5),
                                                              lr_scheduler.CosineAnnealingLR(o, T_max=30)], milestones=[5]),
     lambda t: schedules.warmup_cosine_lr(t, 0.1, 5, 35)),
]


@pytest.mark.parametrize("name, make_scheduler, ours", CASES, ids=[c[0] for c in CASES])
def test_schedule_matches_torch_step_by_step(name, make_scheduler, ours):
    steps = 40  # beyond T_max / total_iters: the behaviour after the end matches too
    expected = _torch_lrs(make_scheduler, 0.1, steps)
    actual = np.array([ours(t) for t in range(steps)])
    np.testing.assert_allclose(actual, expected, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(ours(np.arange(steps)), expected, rtol=1e-12, atol=1e-15)  # vectorized over t


def test_schedule_shapes_and_endpoints():
    assert isinstance(schedules.cosine_annealing_lr(3, 0.1, 10), float)
    assert schedules.cosine_annealing_lr(0, 0.1, 10) == 0.1
    assert schedules.cosine_annealing_lr(10, 0.1, 10, eta_min=0.001) == pytest.approx(0.001)
    assert schedules.linear_lr(10, 0.1, 0.01, 1.0, 10) == pytest.approx(0.1)
    assert schedules.step_lr(np.arange(6).reshape(2, 3), 1.0, 2).shape == (2, 3)


@pytest.mark.parametrize("call, error, message", [
    (lambda: schedules.step_lr(1.5, 0.1, 3), TypeError, "t must be a non-negative integer step"),
    (lambda: schedules.exponential_lr(-1, 0.1, 0.9), ValueError, "t must be non-negative"),
    (lambda: schedules.cosine_annealing_lr(1, 0.1, 0), ValueError, "t_max must be a positive integer"),
    (lambda: schedules.linear_lr(1, 0.1, start_factor=0.0), ValueError, r"start_factor must be in \(0, 1\]"),
    (lambda: schedules.warmup_cosine_lr(1, 0.1, 10, 5), ValueError, "total_steps must exceed warmup_steps"),
])
def test_schedules_name_what_they_expected(call, error, message):
    with pytest.raises(error, match=message):
        call()

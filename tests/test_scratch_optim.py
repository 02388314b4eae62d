"""Optimizers reproduce torch.optim trajectories in float64; clipping matches clip_grad_norm_;
gradient descent matches its closed form."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from dlcourse.scratch import optim

STEPS = 200


def rosenbrock(w):
    """(1 - x)^2 + 100 (y - x^2)^2: a curved valley, hard for plain gradient descent."""
    return (1 - w[0]) ** 2 + 100 * (w[1] - w[0] ** 2) ** 2


def rosenbrock_grad(w):
    x, y = w
    return np.array([-2 * (1 - x) - 400 * x * (y - x**2), 200 * (y - x**2)])


def rosenbrock_autograd(w):
    """The gradient as torch computes it: feeding both optimizers bit-identical gradients isolates
    the optimizer, so the comparison holds to rounding even where the valley amplifies differences."""
    t = torch.tensor(w, requires_grad=True)
    rosenbrock(t).backward()
    return t.grad.numpy()


def _torch_trajectory(torch_cls, kwargs, start, loss_fn, steps=STEPS):
    params = [torch.tensor(p, requires_grad=True) for p in start]
    optimizer = torch_cls(params, **kwargs)
    trajectory = []
    for _ in range(steps):
        optimizer.zero_grad()
        loss_fn(*params).backward()
        optimizer.step()
        trajectory.append([p.detach().numpy().copy() for p in params])
    return trajectory


def _our_trajectory(our_cls, kwargs, start, grad_fn, steps=STEPS):
    params = [np.array(p, dtype=float) for p in start]
    optimizer = our_cls(params, **kwargs)
    trajectory = []
    for _ in range(steps):
        optimizer.step(grad_fn(*params))
        trajectory.append([p.copy() for p in params])
    return trajectory


SETTINGS = [
    (optim.SGD, torch.optim.SGD, dict(lr=2e-4)),
    (optim.SGD, torch.optim.SGD, dict(lr=1e-4, momentum=0.9)),
    (optim.SGD, torch.optim.SGD, dict(lr=1e-4, momentum=0.9, nesterov=True)),
    (optim.SGD, torch.optim.SGD, dict(lr=2e-4, momentum=0.5, dampening=0.2, weight_decay=0.1)),
    (optim.Adagrad, torch.optim.Adagrad, dict(lr=0.1)),
    (optim.Adagrad, torch.optim.Adagrad, dict(lr=0.2, lr_decay=0.01, weight_decay=0.05, initial_accumulator_value=0.1)),
    (optim.RMSprop, torch.optim.RMSprop, dict(lr=1e-3)),
    (optim.RMSprop, torch.optim.RMSprop, dict(lr=1e-3, alpha=0.9, centered=True)),
    (optim.RMSprop, torch.optim.RMSprop, dict(lr=5e-4, momentum=0.8, weight_decay=0.01)),
    (optim.Adam, torch.optim.Adam, dict(lr=1e-2)),
    (optim.Adam, torch.optim.Adam, dict(lr=3e-2, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.01)),
    (optim.Adam, torch.optim.Adam, dict(lr=1e-2, amsgrad=True)),
    (optim.AdamW, torch.optim.AdamW, dict(lr=1e-2)),
    (optim.AdamW, torch.optim.AdamW, dict(lr=2e-2, betas=(0.5, 0.9), weight_decay=0.3)),
]
IDS = [f"{s[0].__name__}-{'-'.join(f'{k}={v}' for k, v in s[2].items())}" for s in SETTINGS]


@pytest.mark.parametrize("ours, theirs, kwargs", SETTINGS, ids=IDS)
def test_rosenbrock_trajectory_matches_torch(ours, theirs, kwargs):
    start = [np.array([-1.5, 2.0])]
    expected = _torch_trajectory(theirs, kwargs, start, lambda w: rosenbrock(w))
    actual = _our_trajectory(ours, kwargs, start, lambda w: [rosenbrock_autograd(w)])
    path = np.array([step[0] for step in actual])
    assert np.all(np.isfinite(path)) and rosenbrock(path[-1]) < 0.8 * rosenbrock(start[0])  # it made progress
    np.testing.assert_allclose(path, np.array([step[0] for step in expected]), rtol=1e-9, atol=1e-12)


def _least_squares(seed):
    rng = np.random.default_rng(seed)
    X, W_true = rng.normal(size=(40, 5)), rng.normal(size=(5, 3))
    Y = X @ W_true + 0.5 + 0.1 * rng.normal(size=(40, 3))
    start = [0.1 * rng.normal(size=(5, 3)), np.zeros(3)]

    def torch_loss(W, b):
        return ((torch.tensor(X) @ W + b - torch.tensor(Y)) ** 2).mean()

    def grads(W, b):
        residual = 2 * (X @ W + b - Y) / Y.size  # d mean(r^2) / d prediction
        return [X.T @ residual, residual.sum(axis=0)]

    return start, torch_loss, grads


@pytest.mark.parametrize("ours, theirs, kwargs", [
    (optim.SGD, torch.optim.SGD, dict(lr=0.05, momentum=0.9)),
    (optim.RMSprop, torch.optim.RMSprop, dict(lr=0.01, centered=True, momentum=0.3)),
    (optim.Adam, torch.optim.Adam, dict(lr=0.05)),
    (optim.AdamW, torch.optim.AdamW, dict(lr=0.05, weight_decay=0.1, amsgrad=True)),
    (optim.Adagrad, torch.optim.Adagrad, dict(lr=0.3)),
])
@pytest.mark.parametrize("seed", range(2))
def test_least_squares_trajectory_with_two_parameters_matches_torch(ours, theirs, kwargs, seed):
    start, torch_loss, grads = _least_squares(seed)
    expected = _torch_trajectory(theirs, kwargs, start, torch_loss, steps=150)
    actual = _our_trajectory(ours, kwargs, start, grads, steps=150)
    for step_ours, step_torch in zip(actual, expected):
        for p_ours, p_torch in zip(step_ours, step_torch):
            np.testing.assert_allclose(p_ours, p_torch, rtol=1e-9, atol=1e-12)


def test_learning_rate_changes_between_steps_like_a_torch_scheduler():
    from dlcourse.scratch.schedules import cosine_annealing_lr

    start = [np.array([-1.5, 2.0])]
    w_torch = torch.tensor(start[0], requires_grad=True)
    torch_opt = torch.optim.Adam([w_torch], lr=0.05)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(torch_opt, T_max=50)
    w = start[0].copy()
    ours = optim.Adam([w], lr=0.05)
    for t in range(120):
        torch_opt.zero_grad()
        rosenbrock(w_torch).backward()
        torch_opt.step()
        scheduler.step()
        ours.lr = cosine_annealing_lr(t, 0.05, 50)
        ours.step([rosenbrock_autograd(w)])
        np.testing.assert_allclose(w, w_torch.detach().numpy(), rtol=1e-9, atol=1e-12)


def test_defaults_match_torch():
    w = [np.zeros(2)]
    t = [torch.zeros(2, requires_grad=True)]
    for ours, theirs in [(optim.SGD, torch.optim.SGD), (optim.Adam, torch.optim.Adam), (optim.AdamW, torch.optim.AdamW),
                         (optim.RMSprop, torch.optim.RMSprop), (optim.Adagrad, torch.optim.Adagrad)]:
        mine, group = ours(w), theirs(t).param_groups[0]
        for name, value in vars(mine).items():
            if name in group and name != "params":
                assert value == pytest.approx(group[name]) if not isinstance(value, tuple) else value == group[name], (ours, name)
        assert mine.lr == group["lr"]


@pytest.mark.parametrize("norm_type", [2.0, 1.0, 3.0, np.inf])
@pytest.mark.parametrize("max_norm", [0.5, 1e6])
def test_clip_grad_norm_matches_torch(norm_type, max_norm):
    rng = np.random.default_rng(int(max_norm))
    grads = [rng.normal(size=(4, 3)), rng.normal(size=3), rng.normal(size=(2, 2, 2))]
    tensors = [torch.zeros(g.shape, dtype=torch.float64, requires_grad=True) for g in grads]
    for t, g in zip(tensors, grads):
        t.grad = torch.tensor(g.copy())
    expected_total = torch.nn.utils.clip_grad_norm_(tensors, max_norm, norm_type=norm_type).item()
    total = optim.clip_grad_norm(grads, max_norm, norm_type)
    assert total == pytest.approx(expected_total, rel=1e-13)
    for g, t in zip(grads, tensors):
        np.testing.assert_allclose(g, t.grad.numpy(), rtol=1e-13)
    if max_norm < total:  # clipped: the joint norm is now max_norm, directions unchanged
        flat = np.concatenate([g.ravel() for g in grads])
        assert np.linalg.norm(flat, ord=norm_type) == pytest.approx(max_norm, rel=1e-5)


def test_gradient_descent_matches_the_closed_form_and_torch_sgd():
    # f(w) = 0.5 a w^2 has w_t = (1 - alpha a)^t w_0
    a, alpha = 3.0, 0.1
    path = optim.gradient_descent(lambda w: a * w, 2.0, alpha, 10)
    assert path.shape == (11,)
    np.testing.assert_allclose(path, 2.0 * (1 - alpha * a) ** np.arange(11), rtol=1e-14)
    # a vector problem, against torch.optim.SGD
    path = optim.gradient_descent(rosenbrock_grad, np.array([-1.5, 2.0]), 2e-4, 100)
    expected = _torch_trajectory(torch.optim.SGD, dict(lr=2e-4), [np.array([-1.5, 2.0])], rosenbrock, steps=100)
    assert path.shape == (101, 2)
    np.testing.assert_array_equal(path[0], [-1.5, 2.0])
    np.testing.assert_allclose(path[1:], np.array([s[0] for s in expected]), rtol=1e-10)
    # too large a step diverges: |1 - alpha a| > 1
    assert abs(optim.gradient_descent(lambda w: a * w, 1.0, 0.8, 30)[-1]) > 1e3


@pytest.mark.parametrize("call, error, message", [
    (lambda: optim.SGD(np.zeros(3)), TypeError, r"params must be a list of arrays"),
    (lambda: optim.Adam([np.zeros(3, dtype=np.float32)]), TypeError, r"params\[0\] must be a float64 NumPy array"),
    (lambda: optim.Adam([np.zeros(3)]).step([np.zeros(2)]), ValueError, r"grads\[0\] must have the shape of params\[0\] \(3,\)"),
    (lambda: optim.Adam([np.zeros(3)]).step([np.zeros(3), np.zeros(3)]), ValueError, r"one gradient per parameter \(1\)"),
    (lambda: optim.Adam([np.zeros(3)], betas=(0.9, 1.0)), ValueError, r"betas\[1\] must be a probability in \[0, 1\), got 1.0"),
    (lambda: optim.SGD([np.zeros(3)], lr=-1.0), ValueError, "lr must be a non-negative number, got -1.0"),
    (lambda: optim.SGD([np.zeros(3)], nesterov=True), ValueError, "nesterov momentum needs momentum > 0"),
    (lambda: optim.gradient_descent(lambda w: np.zeros(3), np.zeros(2), 0.1, 3), ValueError, r"grad_fn must return the shape of w \(2,\)"),
    (lambda: optim.clip_grad_norm([np.ones(2)], -1.0), ValueError, "max_norm must be a non-negative number, got -1.0"),
])
def test_optim_names_what_it_expected(call, error, message):
    with pytest.raises(error, match=message):
        call()

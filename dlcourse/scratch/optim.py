"""Optimizers: plain gradient descent, SGD with momentum, AdaGrad, RMSprop, Adam, AdamW, and
gradient clipping (notes sections 1.6, 5.1-5.3).

The optimizers follow ``torch.optim`` exactly (same hyper-parameter names, meanings, defaults and
update order), so that in float64 their trajectories reproduce PyTorch's step by step. Like
PyTorch, an optimizer holds the parameters and updates them **in place**::

    optimizer = Adam([w, b], lr=1e-3)
    for x_batch, y_batch in minibatches(X, y, 64, rng):
        dw, db = ...                      # your backward pass
        optimizer.step([dw, db])         # same order as the parameters

Parameters must be float64 NumPy arrays (in-place updates need a real array, and float64 is what
the comparisons with PyTorch use). ``optimizer.lr`` may be changed between steps, which is how the
schedules of :mod:`dlcourse.scratch.schedules` are applied.

Two places where PyTorch (and so this module) differs from the notes: Adam adds ``eps`` outside the
square root, ``sqrt(v_hat) + eps`` (the notes put it inside), and SGD's momentum buffer starts as
the first gradient itself (the notes' ``V = beta V + g`` from ``V = 0`` gives the same thing).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from dlcourse._validate import as_float_array, as_non_negative_float, as_non_negative_int, as_probability

__all__ = [
    "gradient_descent",
    "Optimizer",
    "SGD",
    "Adagrad",
    "RMSprop",
    "Adam",
    "AdamW",
    "clip_grad_norm",
]


def gradient_descent(grad_fn: Callable, w0, step_size: float, num_steps: int) -> np.ndarray:
    """Gradient descent ``w_{t+1} = w_t - step_size * grad_fn(w_t)`` (notes eq. 16), recording every iterate.

    Args:
        grad_fn: the gradient of the loss, a function from ``w`` to an array of ``w``'s shape.
        w0: the starting point, a number or an array.
        step_size: alpha > 0 (a constant; too small crawls, too large diverges).
        num_steps: how many updates.

    Returns:
        The trajectory ``[w_0, w_1, ..., w_num_steps]``, shape (num_steps + 1, *w0.shape).
    """
    w = as_float_array(w0, "w0").copy()
    step_size = as_non_negative_float(step_size, "step_size")
    num_steps = as_non_negative_int(num_steps, "num_steps")
    trajectory = np.empty((num_steps + 1, *w.shape))
    trajectory[0] = w
    for t in range(num_steps):
        grad = np.asarray(grad_fn(w.copy()), dtype=float)  # a copy: grad_fn cannot alter the iterate
        if grad.shape != w.shape:
            raise ValueError(f"grad_fn must return the shape of w {w.shape}, got shape {grad.shape}")
        w = w - step_size * grad
        trajectory[t + 1] = w
    return trajectory


def _float64_arrays(arrays, name: str, single: str, effect: str) -> list[np.ndarray]:
    """``arrays`` as a list of float64 NumPy arrays, which are changed in place (``effect`` says how)."""
    if isinstance(arrays, np.ndarray):
        raise TypeError(f"{name} must be a list of arrays (for one array, pass [{single}])")
    arrays = list(arrays)
    for index, array in enumerate(arrays):
        if not isinstance(array, np.ndarray) or array.dtype != np.float64:
            got = f"array of dtype {array.dtype}" if isinstance(array, np.ndarray) else type(array).__name__
            raise TypeError(f"{name}[{index}] must be a float64 NumPy array (it is {effect} in place), got {got}")
    return arrays


def _check_params(params) -> list[np.ndarray]:
    params = _float64_arrays(params, "params", "w", "updated")
    if not params:
        raise ValueError("params must hold at least one array")
    for index, p in enumerate(params):
        if not p.flags.writeable:
            raise ValueError(f"params[{index}] is read-only; the optimizer updates parameters in place")
    return params


def _lerp_(start: np.ndarray, end: np.ndarray, weight: float) -> None:
    """``start += weight * (end - start)`` in place, i.e. ``(1 - weight) start + weight end``, in the
    form ``torch.lerp`` uses (so running averages round exactly like PyTorch's)."""
    if weight < 0.5:
        start += weight * (end - start)
    else:
        start[...] = end - (end - start) * (1.0 - weight)


class Optimizer:
    """Holds the parameters, their per-parameter state (momentum buffers, running averages) and the
    step count; subclasses define ``_update(param, grad, state)`` for one parameter."""

    def __init__(self, params: Sequence[np.ndarray], lr: float, weight_decay: float = 0.0):
        self.params = _check_params(params)
        self.lr = as_non_negative_float(lr, "lr")
        self.weight_decay = as_non_negative_float(weight_decay, "weight_decay")
        self.state: list[dict] = [{} for _ in self.params]
        self.step_count = 0

    def step(self, grads: Sequence[np.ndarray | None]) -> None:
        """Update every parameter in place from its gradient (same order as ``params``; ``None``
        skips a parameter, as a missing ``.grad`` does in PyTorch)."""
        grads = list(grads)
        if len(grads) != len(self.params):
            raise ValueError(f"grads must hold one gradient per parameter ({len(self.params)}), got {len(grads)}")
        checked = []
        for index, (param, grad) in enumerate(zip(self.params, grads)):
            if grad is not None:
                grad = as_float_array(grad, f"grads[{index}]")
                if grad.shape != param.shape:
                    raise ValueError(
                        f"grads[{index}] must have the shape of params[{index}] {param.shape}, got shape {grad.shape}"
                    )
            checked.append(grad)
        self.step_count += 1
        for param, grad, state in zip(self.params, checked, self.state):
            if grad is not None:
                self._update(param, grad, state)

    def _update(self, param: np.ndarray, grad: np.ndarray, state: dict) -> None:
        raise NotImplementedError

    def _decay(self, param: np.ndarray, grad: np.ndarray) -> np.ndarray:
        """Weight decay as an L2 penalty: ``weight_decay * w`` added to the gradient, as every
        ``torch.optim`` optimizer does it (:class:`AdamW` overrides this with the decoupled kind)."""
        return grad + self.weight_decay * param if self.weight_decay else grad


class SGD(Optimizer):
    """Stochastic gradient descent, optionally with momentum (``torch.optim.SGD``).

    ``g = grad + weight_decay * w``; with momentum ``beta``: ``v = g`` at the first step, then
    ``v = beta v + (1 - dampening) g`` (notes 5.2), and the step uses ``v`` (or ``g + beta v`` with
    ``nesterov``); ``w = w - lr * step``.
    """

    def __init__(self, params, lr: float = 1e-3, momentum: float = 0.0, dampening: float = 0.0,
                 weight_decay: float = 0.0, nesterov: bool = False):
        super().__init__(params, lr, weight_decay)
        self.momentum = as_non_negative_float(momentum, "momentum")
        self.dampening = as_non_negative_float(dampening, "dampening")
        if nesterov and (self.momentum <= 0 or self.dampening != 0):
            raise ValueError("nesterov momentum needs momentum > 0 and dampening = 0")
        self.nesterov = bool(nesterov)

    def _update(self, param, grad, state):
        grad = self._decay(param, grad)
        if self.momentum:
            if "momentum_buffer" not in state:
                state["momentum_buffer"] = grad.copy()
            else:
                buffer = state["momentum_buffer"]
                buffer *= self.momentum
                buffer += (1.0 - self.dampening) * grad
            buffer = state["momentum_buffer"]
            grad = grad + self.momentum * buffer if self.nesterov else buffer
        param -= self.lr * grad


class Adagrad(Optimizer):
    """AdaGrad (``torch.optim.Adagrad``): every coordinate's step is divided by the root of the sum
    of its squared gradients so far, ``s = s + g^2``, ``w = w - lr_t g / (sqrt(s) + eps)`` with
    ``lr_t = lr / (1 + (t - 1) lr_decay)``. Frequently updated coordinates slow down."""

    def __init__(self, params, lr: float = 1e-2, lr_decay: float = 0.0, weight_decay: float = 0.0,
                 initial_accumulator_value: float = 0.0, eps: float = 1e-10):
        super().__init__(params, lr, weight_decay)
        self.lr_decay = as_non_negative_float(lr_decay, "lr_decay")
        self.initial_accumulator_value = as_non_negative_float(initial_accumulator_value, "initial_accumulator_value")
        self.eps = as_non_negative_float(eps, "eps")

    def _update(self, param, grad, state):
        if "sum" not in state:
            state["sum"] = np.full_like(param, self.initial_accumulator_value)
        grad = self._decay(param, grad)
        lr_t = self.lr / (1.0 + (self.step_count - 1) * self.lr_decay)
        state["sum"] += grad * grad
        param -= lr_t * (grad / (np.sqrt(state["sum"]) + self.eps))


class RMSprop(Optimizer):
    """RMSProp (``torch.optim.RMSprop``): a running average of squared gradients
    ``s = alpha s + (1 - alpha) g^2`` scales each coordinate, ``w = w - lr g / (sqrt(s) + eps)``.

    ``centered`` subtracts the squared running mean of the gradients (a variance estimate);
    ``momentum`` accumulates the scaled steps ``b = momentum b + g / (sqrt(s) + eps)``.
    """

    def __init__(self, params, lr: float = 1e-2, alpha: float = 0.99, eps: float = 1e-8, weight_decay: float = 0.0,
                 momentum: float = 0.0, centered: bool = False):
        super().__init__(params, lr, weight_decay)
        self.alpha = as_probability(alpha, "alpha")
        self.eps = as_non_negative_float(eps, "eps")
        self.momentum = as_non_negative_float(momentum, "momentum")
        self.centered = bool(centered)

    def _update(self, param, grad, state):
        if not state:
            state["square_avg"] = np.zeros_like(param)
            if self.momentum:
                state["momentum_buffer"] = np.zeros_like(param)
            if self.centered:
                state["grad_avg"] = np.zeros_like(param)
        grad = self._decay(param, grad)
        square_avg = state["square_avg"]
        square_avg *= self.alpha
        square_avg += (1.0 - self.alpha) * grad * grad
        if self.centered:
            grad_avg = state["grad_avg"]
            _lerp_(grad_avg, grad, 1.0 - self.alpha)  # = alpha grad_avg + (1 - alpha) g
            denominator = np.sqrt(square_avg - grad_avg * grad_avg) + self.eps
        else:
            denominator = np.sqrt(square_avg) + self.eps
        if self.momentum:
            buffer = state["momentum_buffer"]
            buffer *= self.momentum
            buffer += grad / denominator
            param -= self.lr * buffer
        else:
            param -= self.lr * (grad / denominator)


class Adam(Optimizer):
    """Adam (``torch.optim.Adam``; notes 5.3): running averages of the gradient and its square,

    ``m = beta1 m + (1 - beta1) g``, ``v = beta2 v + (1 - beta2) g^2``,

    corrected for their start at zero, ``m_hat = m / (1 - beta1^t)``, ``v_hat = v / (1 - beta2^t)``,
    and the step ``w = w - lr m_hat / (sqrt(v_hat) + eps)``. ``weight_decay`` adds
    ``weight_decay * w`` to the gradient (an L2 penalty; see :class:`AdamW` for the decoupled kind);
    ``amsgrad`` divides by the largest ``v`` so far instead.
    """

    def __init__(self, params, lr: float = 1e-3, betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8,
                 weight_decay: float = 0.0, amsgrad: bool = False):
        super().__init__(params, lr, weight_decay)
        if not isinstance(betas, (tuple, list)) or len(betas) != 2:
            raise TypeError(f"betas must be a pair (beta1, beta2), got {betas!r}")
        self.betas = (as_probability(betas[0], "betas[0]", allow_one=False),
                      as_probability(betas[1], "betas[1]", allow_one=False))
        self.eps = as_non_negative_float(eps, "eps")
        self.amsgrad = bool(amsgrad)

    def _update(self, param, grad, state):
        if not state:
            state["exp_avg"], state["exp_avg_sq"] = np.zeros_like(param), np.zeros_like(param)
            if self.amsgrad:
                state["max_exp_avg_sq"] = np.zeros_like(param)
        grad = self._decay(param, grad)
        beta1, beta2 = self.betas
        m, v = state["exp_avg"], state["exp_avg_sq"]
        _lerp_(m, grad, 1.0 - beta1)              # = beta1 m + (1 - beta1) g
        v *= beta2
        v += (1.0 - beta2) * grad * grad
        if self.amsgrad:
            np.maximum(state["max_exp_avg_sq"], v, out=state["max_exp_avg_sq"])
            v = state["max_exp_avg_sq"]
        t = self.step_count
        step_size = self.lr / (1.0 - beta1**t)    # lr * m_hat / m = lr / (1 - beta1^t)
        denominator = np.sqrt(v) / (1.0 - beta2**t) ** 0.5 + self.eps  # sqrt(v_hat) + eps
        param -= step_size * (m / denominator)


class AdamW(Adam):
    """Adam with decoupled weight decay (``torch.optim.AdamW``): the weights shrink directly,
    ``w = w (1 - lr weight_decay)``, before the Adam step on the plain gradient, so the decay is not
    rescaled by Adam's per-coordinate step sizes. Default ``weight_decay = 0.01`` as in torch."""

    def __init__(self, params, lr: float = 1e-3, betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8,
                 weight_decay: float = 1e-2, amsgrad: bool = False):
        super().__init__(params, lr, betas, eps, weight_decay, amsgrad)

    def _decay(self, param, grad):
        param *= 1.0 - self.lr * self.weight_decay
        return grad


def clip_grad_norm(grads: Sequence[np.ndarray], max_norm: float, norm_type: float = 2.0) -> float:
    """Rescale gradients **in place** so that their joint norm is at most ``max_norm``
    (``torch.nn.utils.clip_grad_norm_``).

    The joint norm treats all gradients as one long vector, ``total = ||(g_1, ..., g_K)||``; every
    gradient is multiplied by ``min(1, max_norm / (total + 1e-6))``, which keeps the direction and
    only shortens the step (against exploding gradients, e.g. in RNNs).

    Args:
        grads: float64 arrays, modified in place.
        max_norm: the largest allowed norm, > 0.
        norm_type: the p of the p-norm (2 by default; ``np.inf`` for the largest magnitude).

    Returns:
        The total norm before clipping, a float.
    """
    grads = _float64_arrays(grads, "grads", "grad", "rescaled")
    max_norm = as_non_negative_float(max_norm, "max_norm")
    norm_type = float(norm_type)
    if not norm_type > 0:
        raise ValueError(f"norm_type must be positive (or np.inf), got {norm_type}")
    if not grads:
        return 0.0
    if norm_type == np.inf:
        total = max(float(np.max(np.abs(g))) if g.size else 0.0 for g in grads)
    else:
        # the norm of the per-array norms is the norm of everything concatenated
        norms = np.array([np.sum(np.abs(g) ** norm_type) ** (1.0 / norm_type) for g in grads])
        total = float(np.sum(norms**norm_type) ** (1.0 / norm_type))
    coefficient = min(max_norm / (total + 1e-6), 1.0)
    for g in grads:
        g *= coefficient
    return total

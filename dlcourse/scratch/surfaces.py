"""Two-dimensional test surfaces for optimizers, and the path an optimizer takes on them.

Each :class:`Surface` is a loss of a point ``w = (x, y)`` with its gradient. All of them live in
the same window, ``x`` in [-2, 2] and ``y`` in [-1, 3], so a starting point means the same thing on
every surface:

- ``"ill-conditioned quadratic"``: ``(x^2 + 25 (y - 1)^2) / 2``, curvatures 1 and 25 (condition
  number 25): plain gradient descent zig-zags across the narrow direction and crawls along the
  wide one; momentum and per-coordinate step sizes help.
- ``"rosenbrock"``: ``(1 - x)^2 + 100 (y - x^2)^2``, a curved, flat-bottomed valley with its
  minimum at (1, 1).
- ``"saddle"``: ``x^2 / 2 - (y - 1)^2 / 2 + (y - 1)^4 / 4 + 1/4``, a saddle point at (0, 1) between
  two minima at (0, 0) and (0, 2); a start on the line ``y = 1`` never leaves it without noise.
- ``"noisy quadratic"``: the quadratic ``(x^2 + 5 (y - 1)^2) / 2`` whose gradient carries Gaussian
  noise of standard deviation 1 in each coordinate, a stand-in for the noise of mini-batch
  gradients (the noise is drawn from a seeded generator, so a run is reproducible).

:func:`optimizer_path` runs one of the package's optimizers (:mod:`dlcourse.scratch.optim`, the
code checked against ``torch.optim``) from a starting point and records every iterate.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from dlcourse._validate import as_float_array, as_non_negative_int, check_choice
from dlcourse.scratch import optim

__all__ = ["Surface", "SURFACES", "OPTIMIZERS", "make_optimizer", "optimizer_path", "OptimizerPath"]

WINDOW = (-2.0, 2.0, -1.0, 3.0)  # x_min, x_max, y_min, y_max of every surface


@dataclass(frozen=True)
class Surface:
    """A loss of two parameters.

    Attributes:
        name: the key in :data:`SURFACES`.
        loss: ``loss(x, y)`` for numbers or arrays of one shape (a grid), elementwise.
        gradient: ``gradient(w)`` for a point ``w`` of shape (2,), the exact gradient.
        minimum: the smallest value of the loss (0 for every surface here).
        minimizers: the points where it is reached, shape (M, 2).
        noise_std: standard deviation of the Gaussian noise added to every gradient (0: none).
        bounds: ``(x_min, x_max, y_min, y_max)``, the window shown.
    """

    name: str
    loss: Callable
    gradient: Callable
    minimum: float
    minimizers: np.ndarray
    noise_std: float = 0.0
    bounds: tuple[float, float, float, float] = WINDOW

    def noisy_gradient(self, w: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        """The gradient at ``w``, plus noise when the surface has any (drawn from ``rng``)."""
        exact = self.gradient(w)
        return exact + self.noise_std * rng.standard_normal(2) if self.noise_std else exact


def _quadratic(curvature_y: float, name: str, noise_std: float = 0.0) -> Surface:
    return Surface(
        name,
        loss=lambda x, y: (x**2 + curvature_y * (y - 1.0) ** 2) / 2.0,  # operators: works on tensors too
        gradient=lambda w: np.array([w[0], curvature_y * (w[1] - 1.0)]),
        minimum=0.0, minimizers=np.array([[0.0, 1.0]]), noise_std=noise_std,
    )


def _rosenbrock_loss(x, y):
    return (1.0 - x) ** 2 + 100.0 * (y - x**2) ** 2


def _rosenbrock_gradient(w):
    x, y = w
    return np.array([-2.0 * (1.0 - x) - 400.0 * x * (y - x * x), 200.0 * (y - x * x)])


def _saddle_loss(x, y):
    u = y - 1.0
    return x**2 / 2.0 - u**2 / 2.0 + u**4 / 4.0 + 0.25


def _saddle_gradient(w):
    u = w[1] - 1.0
    return np.array([w[0], -u + u**3])


SURFACES: dict[str, Surface] = {
    "ill-conditioned quadratic": _quadratic(25.0, "ill-conditioned quadratic"),
    "rosenbrock": Surface("rosenbrock", _rosenbrock_loss, _rosenbrock_gradient, 0.0, np.array([[1.0, 1.0]])),
    "saddle": Surface("saddle", _saddle_loss, _saddle_gradient, 0.0, np.array([[0.0, 0.0], [0.0, 2.0]])),
    "noisy quadratic": _quadratic(5.0, "noisy quadratic", noise_std=1.0),
}

# name -> how the widget and the chapter label it
OPTIMIZERS = {
    "sgd": "SGD",
    "momentum": "momentum (heavy ball)",
    "nesterov": "Nesterov momentum",
    "adagrad": "AdaGrad",
    "rmsprop": "RMSProp",
    "adam": "Adam",
}


def make_optimizer(name: str, params: list[np.ndarray], lr: float, momentum: float = 0.9,
                   betas: tuple[float, float] = (0.9, 0.999)) -> optim.Optimizer:
    """The package optimizer called ``name`` (a key of :data:`OPTIMIZERS`) on ``params``.

    ``momentum`` is the momentum of ``"momentum"`` and ``"nesterov"``; ``betas`` are Adam's, and
    ``betas[1]`` is also RMSProp's ``alpha`` (both are the decay of the running average of
    squared gradients). Everything else is ``torch.optim``'s default.
    """
    name = check_choice(name, "name", OPTIMIZERS)
    if name == "sgd":
        return optim.SGD(params, lr=lr)
    if name in ("momentum", "nesterov"):
        # Nesterov with momentum 0 is plain SGD (torch refuses the combination; the widget's slider reaches 0)
        return optim.SGD(params, lr=lr, momentum=momentum, nesterov=name == "nesterov" and momentum > 0)
    if name == "adagrad":
        return optim.Adagrad(params, lr=lr)
    if name == "rmsprop":
        return optim.RMSprop(params, lr=lr, alpha=betas[1])
    return optim.Adam(params, lr=lr, betas=tuple(betas))


@dataclass
class OptimizerPath:
    """The iterates ``w_0, ..., w_T`` (shape (T + 1, 2)) and their losses (T + 1,). A run that
    overflowed stops there: the remaining rows are NaN."""

    points: np.ndarray
    losses: np.ndarray

    @property
    def diverged(self) -> bool:
        return not np.all(np.isfinite(self.points))


def optimizer_path(surface: Surface | str, name: str, start, num_steps: int, lr: float, momentum: float = 0.9,
                   betas: tuple[float, float] = (0.9, 0.999), seed: int = 0,
                   escape: float = 1e6) -> OptimizerPath:
    """Run optimizer ``name`` on ``surface`` for ``num_steps`` steps from ``start``.

    Args:
        surface: a :class:`Surface` or the name of one in :data:`SURFACES`.
        name, lr, momentum, betas: the optimizer, as in :func:`make_optimizer`.
        start: the starting point, shape (2,).
        num_steps: T, the number of updates.
        seed: seeds the gradient noise of a noisy surface (every optimizer sees the same stream).
        escape: an iterate with a coordinate beyond this size counts as diverged; the path stops.
    """
    if isinstance(surface, str):
        surface = SURFACES[check_choice(surface, "surface", SURFACES)]
    w = as_float_array(start, "start", ndim=1).copy()
    if w.shape != (2,):
        raise ValueError(f"start must be a point of shape (2,), got shape {w.shape}")
    num_steps = as_non_negative_int(num_steps, "num_steps")
    optimizer = make_optimizer(name, [w], lr, momentum, betas)
    rng = np.random.default_rng(seed)
    points = np.full((num_steps + 1, 2), np.nan)
    points[0] = w
    with np.errstate(over="ignore", invalid="ignore"):
        for t in range(num_steps):
            optimizer.step([surface.noisy_gradient(w, rng)])
            if not np.all(np.abs(w) < escape):
                break
            points[t + 1] = w
        losses = surface.loss(points[:, 0], points[:, 1])
    return OptimizerPath(points, losses)

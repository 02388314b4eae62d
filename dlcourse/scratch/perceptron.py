"""The first artificial neurons: McCulloch and Pitts' threshold unit (1943) and Rosenblatt's
perceptron with its learning rule (1957) (notes section 1.7)."""

from __future__ import annotations

import numpy as np

from dlcourse._validate import as_float_array, as_non_negative_int, check_shape
from dlcourse.seeding import as_generator

__all__ = ["mcculloch_pitts", "perceptron_predict", "perceptron_train", "perceptron_train_epochs"]


def mcculloch_pitts(X, threshold: float) -> np.ndarray:
    """McCulloch-Pitts neuron on binary inputs: fires (1) when at least ``threshold`` inputs are on.

    ``output_n = 1 if sum_i X[n, i] >= threshold else 0``. With n inputs, ``threshold = n`` computes
    AND and ``threshold = 1`` computes OR.

    Args:
        X: binary inputs, shape (N, n), one row per input pattern.
        threshold: the firing threshold theta.

    Returns:
        Outputs 0/1, shape (N,), int64.
    """
    X = as_float_array(X, "X", dims="N, n")
    if not np.all((X == 0) | (X == 1)):
        raise ValueError("X must hold binary inputs (0 or 1)")
    return (X.sum(axis=1) >= threshold).astype(np.int64)


def perceptron_predict(X, w, b: float) -> np.ndarray:
    """Perceptron output ``psi(w^T x + b)`` with ``psi(z) = +1 if z > 0 else -1``.

    Args:
        X: shape (N, D); w: shape (D,); b: a number.

    Returns:
        Predictions in {-1, +1}, shape (N,), int64.
    """
    X = as_float_array(X, "X", dims="N, D")
    w = as_float_array(w, "w", shape=(X.shape[1],))
    return np.where(X @ w + float(b) > 0, 1, -1)


def perceptron_train(X, y, num_steps: int, rng) -> tuple[np.ndarray, float]:
    """Rosenblatt's perceptron learning algorithm.

    Start from ``w = 0``, ``b = 0``. At each of ``num_steps`` steps draw one example
    ``r = rng.integers(N)``; if the prediction ``psi(w^T x_r + b)`` differs from ``y_r``, update
    ``w <- w + y_r x_r`` and ``b <- b + y_r``; otherwise leave the parameters alone.

    Args:
        X: shape (N, D); y: labels in {-1, +1}, shape (N,); rng: Generator or seed.

    Returns:
        (w, b): the weights, shape (D,), and the bias.
    """
    X, y = _labelled_data(X, y)
    num_steps = as_non_negative_int(num_steps, "num_steps")
    rng = as_generator(rng)
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(num_steps):
        r = rng.integers(X.shape[0])
        w, b, _mistaken = _perceptron_step(w, b, X[r], y[r])
    return w, float(b)


def perceptron_train_epochs(X, y, num_epochs: int, rng) -> tuple[np.ndarray, float, np.ndarray]:
    """The perceptron learning algorithm in epochs, counting its mistakes.

    Start from ``w = 0``, ``b = 0``. Each epoch draws one order of the examples,
    ``rng.permutation(N)`` (nothing else is drawn from ``rng``), and visits every example once in
    that order: where ``psi(w^T x_r + b)`` (``+1`` if positive, else ``-1``) differs from ``y_r``,
    ``w <- w + y_r x_r`` and ``b <- b + y_r``. All ``num_epochs`` epochs run, even after one
    without mistakes.

    Args:
        X: shape (N, D); y: labels in {-1, +1}, shape (N,); rng: Generator or seed.

    Returns:
        (w, b, mistakes): the weights, shape (D,) float; the bias, a float; and the number of
        updates made in each epoch, shape (num_epochs,) int64.
    """
    X, y = _labelled_data(X, y)
    num_epochs = as_non_negative_int(num_epochs, "num_epochs")
    rng = as_generator(rng)
    w, b = np.zeros(X.shape[1]), 0.0
    mistakes = np.zeros(num_epochs, dtype=np.int64)
    for epoch in range(num_epochs):
        for r in rng.permutation(X.shape[0]):
            w, b, mistaken = _perceptron_step(w, b, X[r], y[r])
            mistakes[epoch] += mistaken
    return w, float(b), mistakes


def _labelled_data(X, y) -> tuple[np.ndarray, np.ndarray]:
    """X as a float (N, D) array and y as N labels in {-1, +1}, or a ValueError that says why not."""
    X = as_float_array(X, "X", dims="N, D")
    y = as_float_array(y, "y")
    check_shape(y, "y", (X.shape[0],), "one label per row of X")
    if not np.all(np.abs(y) == 1):
        raise ValueError("y must hold labels -1 or +1")
    return X, y


def _perceptron_step(w: np.ndarray, b: float, x: np.ndarray, label: float) -> tuple[np.ndarray, float, bool]:
    """One visit of example (x, label): if psi(w^T x + b) != label, w <- w + label x and
    b <- b + label. Returns the new (w, b) and whether it was a mistake."""
    prediction = 1.0 if x @ w + b > 0 else -1.0
    if prediction == label:
        return w, b, False
    return w + label * x, b + label, True

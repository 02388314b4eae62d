"""Losses and divergences: averaged over all elements, as in ``(1/N) sum_n loss_n``.

The negative log-likelihoods are exact (they keep the constants), so their values can be compared
with ``torch.distributions``; the constants do not change where a loss is minimal.

The two losses "with logits" take the model's raw outputs (before the logistic or softmax link)
and never form a probability first, so they stay finite for logits such as 1000 or -1000; their
gradients, as layers with a backward pass, are in ``dlcourse.scratch.layers``.
"""

from __future__ import annotations

import numpy as np
from scipy.special import gammaln

from dlcourse._validate import as_float_array, as_labels, check_positive, check_probabilities
from dlcourse.scratch.activations import log_softmax

__all__ = [
    "mean_squared_error",
    "mean_absolute_error",
    "gaussian_nll",
    "bernoulli_nll",
    "poisson_nll",
    "gaussian_kl",
    "binary_cross_entropy_with_logits",
    "cross_entropy_with_logits",
]

_HALF_LOG_TWO_PI = 0.5 * np.log(2.0 * np.pi)


def _broadcast(**arrays: np.ndarray) -> tuple[np.ndarray, ...]:
    try:
        return np.broadcast_arrays(*arrays.values())
    except ValueError:
        shapes = ", ".join(f"{name} {np.shape(a)}" for name, a in arrays.items())
        raise ValueError(f"shapes do not broadcast together: {shapes}") from None


def mean_squared_error(prediction, target) -> float:
    """``(1/N) sum_n (prediction_n - target_n)^2``; both arrays of the same shape."""
    prediction = as_float_array(prediction, "prediction")
    target = as_float_array(target, "target", shape=prediction.shape)
    return float(np.mean((prediction - target) ** 2))


def mean_absolute_error(prediction, target) -> float:
    """``(1/N) sum_n |prediction_n - target_n|``; both arrays of the same shape."""
    prediction = as_float_array(prediction, "prediction")
    target = as_float_array(target, "target", shape=prediction.shape)
    return float(np.mean(np.abs(prediction - target)))


def gaussian_nll(y, mean, std) -> float:
    """Average negative log-density of ``y`` under ``Normal(mean, std^2)``:

    ``(1/N) sum_n [ log std_n + (1/2) log(2 pi) + (y_n - mean_n)^2 / (2 std_n^2) ]``.

    ``y``, ``mean`` and ``std`` broadcast together (a scalar ``std`` is the homoskedastic model).
    """
    y, mean, std = _broadcast(y=as_float_array(y, "y"), mean=as_float_array(mean, "mean"), std=as_float_array(std, "std"))
    check_positive(std, "std")
    return float(np.mean(np.log(std) + _HALF_LOG_TWO_PI + (y - mean) ** 2 / (2.0 * std**2)))


def bernoulli_nll(y, probs) -> float:
    """Average negative log-probability of labels ``y`` in {0, 1} under ``Bernoulli(probs)``:

    ``-(1/N) sum_n [ y_n log p_n + (1 - y_n) log(1 - p_n) ]``.
    """
    y, probs = _broadcast(y=as_float_array(y, "y"), probs=as_float_array(probs, "probs"))
    check_probabilities(probs, "probs")
    check_probabilities(y, "y")
    # y * log(p) is 0 when y = 0, even where p = 0 (0 log 0 = 0 by convention).
    with np.errstate(divide="ignore", invalid="ignore"):
        positive = np.where(y > 0, y * np.log(probs), 0.0)
        negative = np.where(y < 1, (1.0 - y) * np.log1p(-probs), 0.0)
    return float(-np.mean(positive + negative))


def poisson_nll(y, rate) -> float:
    """Average negative log-probability of counts ``y`` under ``Poisson(rate)``:

    ``(1/N) sum_n [ rate_n - y_n log rate_n + log(y_n!) ]``.
    """
    y, rate = _broadcast(y=as_float_array(y, "y"), rate=as_float_array(rate, "rate"))
    check_positive(rate, "rate")
    if np.any(y < 0) or np.any(y != np.round(y)):
        raise ValueError("y must hold non-negative integer counts")
    return float(np.mean(rate - y * np.log(rate) + gammaln(y + 1.0)))


def gaussian_kl(mean_p, std_p, mean_q, std_q):
    """``KL( Normal(mean_p, std_p^2) || Normal(mean_q, std_q^2) )``, elementwise:

    ``log(std_q / std_p) + (std_p^2 + (mean_p - mean_q)^2) / (2 std_q^2) - 1/2``.

    The arguments broadcast together; the result has their broadcast shape (a float for scalars).
    """
    mean_p, std_p, mean_q, std_q = _broadcast(
        mean_p=as_float_array(mean_p, "mean_p"), std_p=as_float_array(std_p, "std_p"),
        mean_q=as_float_array(mean_q, "mean_q"), std_q=as_float_array(std_q, "std_q"),
    )
    check_positive(std_p, "std_p")
    check_positive(std_q, "std_q")
    kl = np.log(std_q / std_p) + (std_p**2 + (mean_p - mean_q) ** 2) / (2.0 * std_q**2) - 0.5
    return float(kl) if kl.ndim == 0 else kl


def binary_cross_entropy_with_logits(logits, targets) -> float:
    """Binary cross-entropy of ``targets`` in [0, 1] under ``Bernoulli(logistic(logits))``, averaged:

    ``(1/N) sum_n -[y_n log s(z_n) + (1 - y_n) log(1 - s(z_n))]`` with ``s`` the logistic, which
    rewrites without any ``exp`` of a positive number as

    ``(1/N) sum_n [ max(z_n, 0) - z_n y_n + log(1 + exp(-|z_n|)) ]``

    (``torch.nn.functional.binary_cross_entropy_with_logits``).

    Args:
        logits: ``z``, an array of any shape.
        targets: ``y``, the same shape, values in [0, 1] (labels 0/1 or soft targets).

    Returns:
        The mean loss as a float.
    """
    logits = as_float_array(logits, "logits")
    targets = as_float_array(targets, "targets", shape=logits.shape)
    check_probabilities(targets, "targets")
    # log(1 + exp(-|z|)) with log1p: exact even when exp(-|z|) is tiny.
    return float(np.mean(np.maximum(logits, 0.0) - logits * targets + np.log1p(np.exp(-np.abs(logits)))))


def cross_entropy_with_logits(logits, labels) -> float:
    """Categorical cross-entropy of integer ``labels`` under ``Categorical(softmax(logits))``, averaged:

    ``(1/N) sum_n -log softmax_{y_n}(z_n) = (1/N) sum_n [ log sum_k exp(z_nk) - z_{n, y_n} ]``

    (``torch.nn.functional.cross_entropy``). With one-hot rows ``Y`` this is the notes'
    ``-(1/N) 1^T (Y * log softmax(Z)) 1``.

    Args:
        logits: ``Z``, shape (N, K), one row of K class scores per example.
        labels: ``y``, shape (N,), integers in [0, K).

    Returns:
        The mean loss as a float.
    """
    logits = as_float_array(logits, "logits", dims="N, K")
    labels = as_labels(labels, "labels", logits.shape[0], logits.shape[1])
    log_probs = log_softmax(logits, axis=1)                     # (N, K)
    return float(-np.mean(log_probs[np.arange(len(labels)), labels]))

"""Ensembles: combine the predictions of J models into one (chapter 04).

- regression: average the J predicted means, ``f_bar(x) = (1/J) sum_j f_j(x)``;
- classification, *hard* vote: every model votes for its predicted class and the class with the
  most votes wins, ``argmax_k sum_j [yhat_j = k]``;
- classification, *soft* vote: average the models' class probabilities and take the most
  probable class, ``argmax_k sum_j p_j(k | x)``.

Ties go to the smallest class index (``np.argmax`` returns the first maximum), as in
scikit-learn's ``VotingClassifier``.
"""

from __future__ import annotations

import numpy as np

from dlcourse._validate import as_float_array, as_positive_int

__all__ = ["average_predictions", "vote_counts", "hard_vote", "soft_vote"]


def average_predictions(predictions) -> np.ndarray:
    """The ensemble mean of J regressors.

    Args:
        predictions: shape (J, M): row j holds model j's predictions at the M points.

    Returns:
        shape (M,): ``(1/J) sum_j predictions[j]``.
    """
    predictions = as_float_array(predictions, "predictions", dims="J, M")
    if predictions.shape[0] == 0:
        raise ValueError("predictions must hold at least one model (shape (J, M) with J >= 1)")
    return predictions.mean(axis=0)


def vote_counts(labels, num_classes: int) -> np.ndarray:
    """How many of the J models predicted each class at each point.

    Args:
        labels: shape (J, M), integer predictions in [0, num_classes).

    Returns:
        counts: shape (M, K), int64; every row sums to J.
    """
    labels = np.asarray(labels)
    if not np.issubdtype(labels.dtype, np.integer):
        raise TypeError(f"labels must hold integer class predictions, got dtype {labels.dtype}")
    if labels.ndim != 2:
        raise ValueError(f"labels must have shape (J, M) (one row of predictions per model), got shape {labels.shape}")
    k = as_positive_int(num_classes, "num_classes")
    if labels.size and (labels.min() < 0 or labels.max() >= k):
        raise ValueError(f"labels must lie in [0, {k - 1}], got values from {labels.min()} to {labels.max()}")
    m = labels.shape[1]
    points = np.broadcast_to(np.arange(m), labels.shape)  # (J, M): the point each vote is for
    return np.bincount((points * k + labels).ravel(), minlength=m * k).reshape(m, k).astype(np.int64)


def hard_vote(labels, num_classes: int) -> np.ndarray:
    """Majority vote of J classifiers; a tie goes to the smallest class.

    Args:
        labels: shape (J, M), each model's predicted class at each point.
        num_classes: K.

    Returns:
        shape (M,), int64.
    """
    return np.argmax(vote_counts(labels, num_classes), axis=1)


def soft_vote(probabilities) -> np.ndarray:
    """The most probable class under the averaged probabilities of J classifiers.

    Args:
        probabilities: shape (J, M, K), each model's class probabilities at each point.

    Returns:
        shape (M,), int64: ``argmax_k sum_j probabilities[j, :, k]``.
    """
    probabilities = as_float_array(probabilities, "probabilities", dims="J, M, K")
    return np.argmax(probabilities.sum(axis=0), axis=1)

"""Softmax regression on a polynomial basis: a classifier whose capacity is set by one number,
the degree (the model-selection figures and the decision-boundary widget of chapter 04).

The inputs ``x`` (D features, two for the figures) are expanded into every monomial of total
degree at most K (:func:`dlcourse.scratch.features.polynomial_features`). Each monomial except the
constant is then *standardized* with the mean and standard deviation it has on the training set:
high powers otherwise differ in scale by orders of magnitude, which makes the optimizer crawl and
lets an L2 penalty squeeze some features far more than others. The model is

    p(y = k | x) = softmax_k(W^T phi(x)),    phi(x) = [1, (m_1(x) - mu_1) / s_1, ...],

fitted by :func:`dlcourse.scratch.softmax_regression.fit_softmax_regression` (average
cross-entropy + ``l2 * ||W||^2``, L-BFGS).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from dlcourse._validate import as_float_array, as_labels, as_non_negative_int, as_positive_int
from dlcourse.scratch.activations import softmax
from dlcourse.scratch.features import polynomial_features
from dlcourse.scratch.losses import cross_entropy_with_logits
from dlcourse.scratch.softmax_regression import fit_softmax_regression

__all__ = ["PolynomialSoftmax", "fit_polynomial_softmax", "DegreeScan", "scan_degrees"]


class PolynomialSoftmax(NamedTuple):
    """A fitted polynomial softmax classifier.

    Attributes:
        degree: K.
        feature_mean, feature_std: shape (F,), the training statistics of the F non-constant
            monomials.
        weights: W, shape (F + 1, C) for C classes (row 0 multiplies the constant feature).
        l2: the penalty it was fitted with.
    """

    degree: int
    feature_mean: np.ndarray
    feature_std: np.ndarray
    weights: np.ndarray
    l2: float

    @property
    def num_classes(self) -> int:
        return self.weights.shape[1]

    def features(self, X) -> np.ndarray:
        """phi(X): the constant 1 and the standardized monomials, shape (N, F + 1)."""
        monomials = polynomial_features(as_float_array(X, "X", dims="N, D"), self.degree, include_bias=False)
        if monomials.shape[1] != len(self.feature_mean):
            raise ValueError(f"X has a different number of features than the training inputs had, shape {np.shape(X)}")
        standardized = (monomials - self.feature_mean) / self.feature_std  # (N, F)
        return np.hstack([np.ones((len(standardized), 1)), standardized])

    def logits(self, X) -> np.ndarray:
        """``phi(X) W``, shape (N, C)."""
        return self.features(X) @ self.weights

    def logits_from_monomials(self, monomials) -> np.ndarray:
        """The logits from the raw monomials ``polynomial_features(X, degree, include_bias=False)``
        (shape (N, F)), folding the standardization into the weights:
        ``((M - mu) / s) W_1 + W_0 = M (W_1 / s) + (W_0 - (mu / s) W_1)``. A widget that
        evaluates many models on one fixed grid computes the grid's monomials only once."""
        monomials = as_float_array(monomials, "monomials", shape=(len(monomials), len(self.feature_mean)))
        scaled = self.weights[1:] / self.feature_std[:, None]  # (F, C)
        return monomials @ scaled + (self.weights[0] - self.feature_mean @ scaled)

    def probabilities(self, X) -> np.ndarray:
        """Class probabilities, shape (N, C); every row sums to 1."""
        return softmax(self.logits(X), axis=1)

    def predict(self, X) -> np.ndarray:
        """The most probable class of each row of X, shape (N,), int64."""
        return np.argmax(self.logits(X), axis=1)

    def loss(self, X, y) -> float:
        """Average cross-entropy on (X, y), without the penalty: the data fit."""
        return cross_entropy_with_logits(self.logits(X), y)

    def accuracy(self, X, y) -> float:
        """Fraction of the rows of X whose predicted class is y."""
        y = as_labels(y, "y", len(X))
        return float(np.mean(self.predict(X) == y))


def fit_polynomial_softmax(X, y, degree: int, l2: float = 0.0, num_classes: int | None = None,
                           max_iter: int = 500) -> PolynomialSoftmax:
    """Fit softmax regression on the standardized polynomial features of degree ``degree``.

    Args:
        X: shape (N, D); y: labels in [0, C), shape (N,).
        degree: K >= 0 (1 gives linear decision boundaries).
        l2: penalty strength on every weight, >= 0. With ``l2 = 0`` and separable training data the
            weights grow without bound; ``max_iter`` then decides where the optimizer stops.
        num_classes: C (default: the largest label plus one).
        max_iter: L-BFGS iterations at most.

    Returns:
        The fitted :class:`PolynomialSoftmax`.
    """
    X = as_float_array(X, "X", dims="N, D")
    degree = as_non_negative_int(degree, "degree")
    y = as_labels(y, "y", X.shape[0])
    num_classes = int(y.max()) + 1 if num_classes is None else as_positive_int(num_classes, "num_classes")
    monomials = polynomial_features(X, degree, include_bias=False)  # (N, F)
    mean, std = monomials.mean(axis=0), monomials.std(axis=0)
    std = np.where(std > 0, std, 1.0)  # a constant monomial (one training point) stays as it is
    model = PolynomialSoftmax(degree, mean, std, np.zeros((monomials.shape[1] + 1, num_classes)), float(l2))
    weights = fit_softmax_regression(model.features(X), y, num_classes, l2=l2, max_iter=max_iter)
    return model._replace(weights=weights)


class DegreeScan(NamedTuple):
    """Training and validation loss (cross-entropy) and accuracy of one model per degree; arrays
    of shape (len(degrees),), and the fitted models."""

    degrees: np.ndarray
    train_loss: np.ndarray
    val_loss: np.ndarray
    train_accuracy: np.ndarray
    val_accuracy: np.ndarray
    models: list[PolynomialSoftmax]


def scan_degrees(X_train, y_train, X_val, y_val, degrees: Sequence[int], l2: float = 0.0,
                 num_classes: int | None = None, max_iter: int = 500) -> DegreeScan:
    """Fit one polynomial softmax classifier per degree on the training set and measure it on both
    sets: the data of a train-versus-validation plot (chapter 04, Figure 4.4)."""
    X_train = as_float_array(X_train, "X_train", dims="N, D")
    y_train = as_labels(y_train, "y_train", len(X_train))
    if num_classes is None:
        num_classes = int(max(y_train.max(), np.max(y_val))) + 1
    models = [fit_polynomial_softmax(X_train, y_train, d, l2, num_classes, max_iter) for d in degrees]
    return DegreeScan(
        np.array(list(degrees)),
        np.array([m.loss(X_train, y_train) for m in models]),
        np.array([m.loss(X_val, y_val) for m in models]),
        np.array([m.accuracy(X_train, y_train) for m in models]),
        np.array([m.accuracy(X_val, y_val) for m in models]),
        models,
    )

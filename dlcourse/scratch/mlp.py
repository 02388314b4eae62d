"""A multilayer perceptron in NumPy, assembled from :mod:`dlcourse.scratch.layers` (notes 4.3-4.5).

``MLP([64, 128, 10], "relu")`` is ``x -> linear -> relu -> linear -> logits``: every hidden layer is
``H_l = phi(H_{l-1} W_{l-1} + b_{l-1})`` (examples as rows, notes 4.5.1) and the last layer is linear,
its output the logits (pre-link values) that a loss turns into probabilities. The backward pass is
the vectorized backpropagation of notes eq. 26: starting from ``delta = dL/dlogits`` (for softmax
cross-entropy ``(P - Y) / N``), layer by layer from the top,

    dW_l = H_l^T delta,   db_l = sum_n delta_n,   delta <- (delta W_l^T) * phi'(A_l),

where ``A_l`` is the pre-activation of hidden layer l. Training::

    model = MLP([64, 128, 10], "relu", rng)
    optimizer = Adam(model.parameters(), lr=1e-3)
    for epoch in range(10):
        loss = train_epoch(model, X, y, optimizer, batch_size=64, rng=rng)
"""

from __future__ import annotations

import numpy as np

from dlcourse.scratch import layers
from dlcourse._validate import as_float_array, as_positive_int, check_choice
from dlcourse.scratch.batching import minibatches
from dlcourse.scratch.init import he_normal, xavier_uniform
from dlcourse.seeding import as_generator

__all__ = ["MLP", "loss_and_gradients", "train_epoch", "evaluate"]

_ACTIVATIONS = {
    "relu": (layers.relu_forward, layers.relu_backward),
    "leaky_relu": (layers.leaky_relu_forward, layers.leaky_relu_backward),
    "tanh": (layers.tanh_forward, layers.tanh_backward),
    "logistic": (layers.logistic_forward, layers.logistic_backward),
}


class MLP:
    """A fully connected network with one activation for every hidden layer and a linear output.

    Args:
        layer_sizes: ``[D_0, D_1, ..., D_L]``: input size, hidden sizes, output size (at least two
            entries; ``[D, K]`` is a linear model).
        activation: ``"relu"``, ``"leaky_relu"``, ``"tanh"`` or ``"logistic"``.
        rng: a ``np.random.Generator`` (or seed) for the initial weights.
        init: ``"he"`` (He normal, for ReLUs) or ``"xavier"`` (Xavier uniform, for logistic/tanh);
            by default the one the notes recommend for ``activation`` (4.5.3). Biases start at 0.

    Attributes:
        weights: ``W_l`` of shape (D_l, D_{l+1}) (``torch.nn.Linear.weight`` is ``W_l.T``).
        biases: ``b_l`` of shape (D_{l+1},).
    """

    def __init__(self, layer_sizes, activation: str = "relu", rng: np.random.Generator | None = None,
                 init: str | None = None):
        sizes = list(layer_sizes)
        if len(sizes) < 2:
            raise ValueError(f"layer_sizes must list at least an input and an output size, got {sizes}")
        self.layer_sizes = [as_positive_int(size, "every layer size") for size in sizes]
        self.activation = check_choice(activation, "activation", _ACTIVATIONS)
        init = check_choice(init or ("he" if activation in ("relu", "leaky_relu") else "xavier"), "init", ("he", "xavier"))
        if rng is None:
            raise TypeError("rng is needed for the initial weights: pass a numpy.random.Generator")
        rng = as_generator(rng)
        draw = he_normal if init == "he" else xavier_uniform
        self.weights = [draw((d_in, d_out), rng) for d_in, d_out in zip(self.layer_sizes[:-1], self.layer_sizes[1:])]
        self.biases = [np.zeros(d_out) for d_out in self.layer_sizes[1:]]

    def parameters(self) -> list[np.ndarray]:
        """``[W_0, b_0, W_1, b_1, ...]``: the arrays themselves, so an optimizer updates them in place."""
        return [p for pair in zip(self.weights, self.biases) for p in pair]

    @property
    def num_parameters(self) -> int:
        """``sum_l (D_l + 1) D_{l+1}``: every weight and bias."""
        return sum(p.size for p in self.parameters())

    def forward(self, X):
        """The outputs (logits) for a batch.

        Args:
            X: shape (N, D_0).

        Returns:
            out: shape (N, D_L).
            cache: the layers' caches, for :meth:`backward`.
        """
        X = as_float_array(X, "X", dims="N, D")
        if X.shape[1] != self.layer_sizes[0]:
            raise ValueError(
                f"X must have shape (N, {self.layer_sizes[0]}) for this network's input size, got shape {X.shape}"
            )
        activation_forward = _ACTIVATIONS[self.activation][0]
        caches = []
        h = X
        for w, b in zip(self.weights[:-1], self.biases[:-1]):
            a, linear_cache = layers.linear_forward(h, w, b)        # A = H W + b, (N, D_{l+1})
            h, activation_cache = activation_forward(a)             # H = phi(A)
            caches.append((linear_cache, activation_cache))
        out, linear_cache = layers.linear_forward(h, self.weights[-1], self.biases[-1])  # logits: no activation
        caches.append((linear_cache, None))
        return out, caches

    def backward(self, dout, cache) -> list[np.ndarray]:
        """Backpropagation (notes eq. 26) from ``dout = dL/dout`` (N, D_L).

        Returns:
            The gradients in the order of :meth:`parameters`: ``[dW_0, db_0, dW_1, db_1, ...]``.
        """
        activation_backward = _ACTIVATIONS[self.activation][1]
        grads: list[np.ndarray] = []
        delta = dout
        for linear_cache, activation_cache in reversed(cache):
            if activation_cache is not None:
                delta = activation_backward(delta, activation_cache)  # * phi'(A_l)
            delta, dw, db = layers.linear_backward(delta, linear_cache)  # delta W_l^T; H_l^T delta
            grads += [db, dw]
        return grads[::-1]

    def loss_and_gradients(self, X, labels) -> tuple[float, list[np.ndarray]]:
        """Mean softmax cross-entropy of integer ``labels`` (N,) and its gradients (order of :meth:`parameters`)."""
        logits, cache = self.forward(X)
        loss, dlogits = layers.softmax_cross_entropy(logits, labels)
        return loss, self.backward(dlogits, cache)

    def predict(self, X) -> np.ndarray:
        """The most probable class of each row, shape (N,)."""
        return np.argmax(self.forward(X)[0], axis=1)


def loss_and_gradients(params, X, labels, activation: str = "relu") -> tuple[float, list[np.ndarray]]:
    """Mean softmax cross-entropy of the MLP whose parameters are the flat list
    ``params = [W_0, b_0, ..., W_{L-1}, b_{L-1}]`` (``W_l`` of shape (D_l, D_{l+1}), ``b_l`` of shape
    (D_{l+1},)), and its gradients in the same order (chapter 06's exercise 6.6).

    The same computation as :meth:`MLP.loss_and_gradients`, for a network given by its arrays, written
    on the layer functions directly (it does not go through the :class:`MLP` methods). ``params`` is
    left unchanged.
    """
    if len(params) < 2 or len(params) % 2:
        raise ValueError(f"params must be [W_0, b_0, ..., W_(L-1), b_(L-1)], pairs of arrays, got {len(params)} arrays")
    activation_forward, activation_backward = _ACTIVATIONS[check_choice(activation, "activation", _ACTIVATIONS)]
    weights = [as_float_array(W, "every W_l", dims="D_in, D_out") for W in params[0::2]]
    biases = [as_float_array(b, "every b_l", dims="D_out") for b in params[1::2]]
    for l, (W, b) in enumerate(zip(weights, biases)):
        if b.shape != (W.shape[1],) or (l and W.shape[0] != weights[l - 1].shape[1]):
            raise ValueError(f"layer {l}: W of shape {W.shape} and b of shape {b.shape} do not chain with the layer "
                             "before (W_l must be (D_l, D_(l+1)) and b_l (D_(l+1),))")
    h = as_float_array(X, "X", dims="N, D")
    caches = []
    for l, (W, b) in enumerate(zip(weights, biases)):
        a, linear_cache = layers.linear_forward(h, W, b)                       # (N, D_{l+1})
        h, activation_cache = activation_forward(a) if l < len(weights) - 1 else (a, None)
        caches.append((linear_cache, activation_cache))
    loss, delta = layers.softmax_cross_entropy(h, labels)                     # dL/dlogits
    grads: list[np.ndarray] = []
    for linear_cache, activation_cache in reversed(caches):
        if activation_cache is not None:
            delta = activation_backward(delta, activation_cache)
        delta, dw, db = layers.linear_backward(delta, linear_cache)
        grads += [db, dw]
    return float(loss), grads[::-1]


def train_epoch(model: MLP, X, y, optimizer, batch_size: int, rng: np.random.Generator, drop_last: bool = False) -> float:
    """One epoch of mini-batch training with softmax cross-entropy.

    For every batch of :func:`~dlcourse.scratch.batching.minibatches`: forward, loss, backward,
    ``optimizer.step(grads)`` (an optimizer of :mod:`dlcourse.scratch.optim` built on
    ``model.parameters()``).

    Returns:
        The average training loss over the epoch's examples (each batch weighted by its size).
    """
    total, count = 0.0, 0
    for X_batch, y_batch in minibatches(X, y, batch_size, rng, shuffle=True, drop_last=drop_last):
        loss, grads = model.loss_and_gradients(X_batch, y_batch)
        optimizer.step(grads)
        total += loss * len(y_batch)
        count += len(y_batch)
    return total / max(count, 1)


def evaluate(model: MLP, X, y) -> tuple[float, float]:
    """``(mean cross-entropy, accuracy)`` of the model on ``(X, y)``, without updating anything."""
    logits, _ = model.forward(X)
    loss, _ = layers.softmax_cross_entropy(logits, y)
    return loss, float(np.mean(np.argmax(logits, axis=1) == np.asarray(y)))

"""The NumPy MLP against the same torch.nn network with copied weights: forward, backward (eq. 26),
a whole training epoch, and learning the digits."""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from dlcourse.scratch import optim
from dlcourse.scratch.batching import minibatches
from dlcourse.scratch.gradcheck import gradient_check
from dlcourse.scratch.mlp import MLP, evaluate, loss_and_gradients, train_epoch

TORCH_ACTIVATIONS = {"relu": torch.nn.ReLU, "tanh": torch.nn.Tanh, "logistic": torch.nn.Sigmoid,
                     "leaky_relu": lambda: torch.nn.LeakyReLU(0.01)}


def _torch_copy(model: MLP) -> torch.nn.Sequential:
    modules = []
    for index, (w, b) in enumerate(zip(model.weights, model.biases)):
        linear = torch.nn.Linear(*w.shape, dtype=torch.float64)
        with torch.no_grad():
            linear.weight.copy_(torch.tensor(w.T))
            linear.bias.copy_(torch.tensor(b))
        modules.append(linear)
        if index < len(model.weights) - 1:
            modules.append(TORCH_ACTIVATIONS[model.activation]())
    return torch.nn.Sequential(*modules)


def _torch_grads(net: torch.nn.Sequential) -> list[np.ndarray]:
    grads = []
    for module in net:
        if isinstance(module, torch.nn.Linear):
            grads += [module.weight.grad.numpy().T, module.bias.grad.numpy()]
    return grads


ARCHITECTURES = [([5, 3], "relu"), ([6, 8, 3], "relu"), ([4, 7, 7, 2], "tanh"), ([3, 5, 4], "logistic"), ([5, 6, 2], "leaky_relu")]


@pytest.mark.parametrize("sizes, activation", ARCHITECTURES)
@pytest.mark.parametrize("seed", range(2))
def test_forward_and_backward_match_torch(sizes, activation, seed):
    rng = np.random.default_rng(seed)
    model = MLP(sizes, activation, rng)
    for b in model.biases:  # nonzero biases, so their gradients and effect are tested
        b[:] = rng.normal(size=b.shape)
    net = _torch_copy(model)
    X, labels = rng.normal(size=(9, sizes[0])), rng.integers(0, sizes[-1], 9)
    logits, _ = model.forward(X)
    tX = torch.tensor(X)
    np.testing.assert_allclose(logits, net(tX).detach().numpy(), rtol=1e-12, atol=1e-13)
    loss, grads = model.loss_and_gradients(X, labels)
    expected = F.cross_entropy(net(tX), torch.tensor(labels))
    expected.backward()
    assert loss == pytest.approx(expected.item(), rel=1e-12)
    for ours, theirs in zip(grads, _torch_grads(net)):
        np.testing.assert_allclose(ours, theirs, rtol=1e-10, atol=1e-12)
    assert len(grads) == len(model.parameters()) and all(g.shape == p.shape for g, p in zip(grads, model.parameters()))


def test_backward_accepts_any_upstream_gradient():
    """A regression loss: 0.5 * mean squared error, whose dL/dout = (out - y) / N."""
    rng = np.random.default_rng(3)
    model = MLP([2, 6, 1], "tanh", rng)
    net = _torch_copy(model)
    X, y = rng.normal(size=(7, 2)), rng.normal(size=(7, 1))
    out, cache = model.forward(X)
    grads = model.backward((out - y) / len(y), cache)
    (0.5 * ((net(torch.tensor(X)) - torch.tensor(y)) ** 2).sum(dim=1).mean()).backward()
    for ours, theirs in zip(grads, _torch_grads(net)):
        np.testing.assert_allclose(ours, theirs, rtol=1e-10, atol=1e-13)


def test_gradient_check_agrees_with_mlp_backward():
    rng = np.random.default_rng(4)
    model = MLP([3, 4, 4, 3], "tanh", rng)
    X, labels = rng.normal(size=(5, 3)), rng.integers(0, 3, 5)
    _, grads = model.loss_and_gradients(X, labels)
    for param, grad in zip(model.parameters(), grads):
        assert gradient_check(lambda _: model.loss_and_gradients(X, labels)[0], param, grad) < 1e-6


@pytest.mark.parametrize("sizes", [[64, 128, 10], [2, 3], [10, 5, 5, 1]])
def test_parameter_count_matches_torch(sizes):
    model = MLP(sizes, "relu", np.random.default_rng(0))
    assert model.num_parameters == sum(p.numel() for p in _torch_copy(model).parameters())


def test_default_initialization_follows_the_notes():
    rng = np.random.default_rng(5)
    relu_net = MLP([400, 300, 10], "relu", rng)
    assert np.var(relu_net.weights[0]) == pytest.approx(2 / 400, rel=0.03)             # He: Normal(0, 2 / D_l)
    tanh_net = MLP([400, 300, 10], "tanh", rng)
    assert np.abs(tanh_net.weights[0]).max() <= np.sqrt(6 / 700)                        # Xavier uniform
    assert all(not b.any() for b in relu_net.biases + tanh_net.biases)


@pytest.mark.parametrize("our_optimizer, torch_optimizer, kwargs", [
    (optim.SGD, torch.optim.SGD, dict(lr=0.05, momentum=0.9)),
    (optim.Adam, torch.optim.Adam, dict(lr=1e-3)),
])
def test_train_epoch_matches_torch_training(our_optimizer, torch_optimizer, kwargs):
    rng = np.random.default_rng(6)
    X, y = rng.normal(size=(70, 8)), rng.integers(0, 4, 70)
    model = MLP([8, 16, 4], "relu", rng)
    net = _torch_copy(model)
    # torch trains on the same batches: the same Generator state gives the same order
    batches = [(torch.tensor(xb), torch.tensor(yb)) for xb, yb in minibatches(X, y, 16, np.random.default_rng(7))]
    torch_opt = torch_optimizer(net.parameters(), **kwargs)
    torch_losses = []
    for xb, yb in batches:
        torch_opt.zero_grad()
        loss = F.cross_entropy(net(xb), yb)
        loss.backward()
        torch_opt.step()
        torch_losses.append(loss.item() * len(yb))
    mean_loss = train_epoch(model, X, y, our_optimizer(model.parameters(), **kwargs), 16, np.random.default_rng(7))
    assert mean_loss == pytest.approx(sum(torch_losses) / len(y), rel=1e-10)
    for ours, theirs in zip(model.parameters(), [p.detach().numpy() for p in net.parameters()]):
        np.testing.assert_allclose(ours, theirs.T if ours.ndim == 2 else theirs, rtol=1e-9, atol=1e-12)


def test_learns_the_digits():
    from sklearn.datasets import load_digits

    digits = load_digits()
    X, y = digits.data / 16.0, digits.target
    rng = np.random.default_rng(0)
    model = MLP([64, 64, 10], "relu", rng)
    optimizer = optim.Adam(model.parameters(), lr=3e-3)
    loss_before, _ = evaluate(model, X, y)
    losses = [train_epoch(model, X, y, optimizer, 64, rng) for _ in range(5)]
    loss_after, accuracy = evaluate(model, X, y)
    assert loss_after < 0.3 * loss_before and losses[-1] < losses[0]
    assert accuracy > 0.95
    assert np.mean(model.predict(X) == y) == accuracy


@pytest.mark.parametrize("call, error, message", [
    (lambda: MLP([5], "relu", np.random.default_rng(0)), ValueError, "at least an input and an output size"),
    (lambda: MLP([5, 3], "swish", np.random.default_rng(0)), ValueError, "activation must be one of"),
    (lambda: MLP([5, 3], "relu"), TypeError, "rng is needed"),
    (lambda: MLP([5, 3], "relu", np.random.default_rng(0)).forward(np.ones((2, 4))), ValueError, r"X must have shape \(N, 5\)"),
    (lambda: MLP([5, 3], "relu", np.random.default_rng(0)).loss_and_gradients(np.ones((2, 5)), np.array([0, 3])), ValueError,
     r"labels must lie in \[0, 2\]"),
])
def test_mlp_names_what_it_expected(call, error, message):
    with pytest.raises(error, match=message):
        call()


@pytest.mark.parametrize("sizes, activation", [([3, 2], "relu"), ([4, 6, 5, 3], "tanh"), ([5, 4, 3], "relu")])
def test_loss_and_gradients_of_a_flat_parameter_list_match_torch(sizes, activation):
    rng = np.random.default_rng(len(sizes))
    params = []
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
        params += [rng.normal(0, 1 / np.sqrt(fan_in), (fan_in, fan_out)), rng.normal(0, 0.3, fan_out)]
    before = [p.copy() for p in params]
    X, labels = rng.integers(-2, 3, (7, sizes[0])), rng.integers(0, sizes[-1], 7)   # integer inputs too
    loss, grads = loss_and_gradients(params, X, labels, activation)
    model = MLP(sizes, activation, rng=0)
    model.weights, model.biases = [p.copy() for p in params[0::2]], [p.copy() for p in params[1::2]]
    net = _torch_copy(model)
    torch_loss = F.cross_entropy(net(torch.tensor(X, dtype=torch.float64)), torch.tensor(labels))
    torch_loss.backward()
    assert isinstance(loss, float) and loss == pytest.approx(torch_loss.item(), rel=1e-12)
    assert len(grads) == len(params)
    for grad, torch_grad in zip(grads, _torch_grads(net)):
        np.testing.assert_allclose(grad, torch_grad, rtol=1e-10, atol=1e-12)
    for p, b in zip(params, before):
        np.testing.assert_array_equal(p, b)


def test_loss_and_gradients_names_a_broken_parameter_list():
    with pytest.raises(ValueError, match="pairs"):
        loss_and_gradients([np.zeros((2, 3))], np.zeros((1, 2)), np.zeros(1, dtype=int))
    with pytest.raises(ValueError, match="layer 1"):
        loss_and_gradients([np.zeros((2, 3)), np.zeros(3), np.zeros((4, 2)), np.zeros(2)], np.zeros((1, 2)),
                           np.zeros(1, dtype=int))

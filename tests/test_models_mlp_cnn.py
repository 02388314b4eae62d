"""The MLP and the small CNN: shapes, structure, and accuracy on the held-out digits."""

from __future__ import annotations


import numpy as np
import pytest
import torch
from torch import nn
from torch.nn import functional as F

from dlcourse.data.digits import load_digits_splits
from dlcourse.models import count_parameters
from dlcourse.models.cnn import DigitsCNN
from dlcourse.models.mlp import MLP
from dlcourse.seeding import set_seed
from dlcourse.training import accuracy_from_logits, evaluate, train


def test_mlp_has_the_stated_layers_and_parameter_count():
    model = MLP([5, 7, 3, 2], activation="tanh")
    linears = [m for m in model.modules() if isinstance(m, nn.Linear)]
    assert [(m.in_features, m.out_features) for m in linears] == [(5, 7), (7, 3), (3, 2)]
    assert sum(isinstance(m, nn.Tanh) for m in model.modules()) == 2, "no activation after the output layer"
    assert count_parameters(model) == (5 * 7 + 7) + (7 * 3 + 3) + (3 * 2 + 2)
    assert model(torch.zeros(4, 5)).shape == (4, 2)
    assert model(torch.zeros(4, 6, 5)).shape == (4, 6, 2)


def test_mlp_computes_the_composition_of_its_layers():
    torch.manual_seed(0)
    model = MLP([3, 4, 2], activation="relu")
    x = torch.randn(6, 3)
    first, second = (m for m in model.modules() if isinstance(m, nn.Linear))
    expected = torch.relu(x @ first.weight.T + first.bias) @ second.weight.T + second.bias
    torch.testing.assert_close(model(x), expected)


def test_identity_activation_makes_the_mlp_linear():
    torch.manual_seed(0)
    model = MLP([3, 8, 8, 2], activation="identity")
    x, z = torch.randn(5, 3), torch.randn(5, 3)
    torch.testing.assert_close(model(x + z) - model(z), model(x) - model(torch.zeros(5, 3)), atol=1e-5, rtol=1e-5)


def test_cnn_shapes_and_feature_maps():
    model = DigitsCNN(channels=(4, 6))
    first, second = model.feature_maps(torch.zeros(3, 1, 8, 8))
    assert first.shape == (3, 4, 4, 4) and second.shape == (3, 6, 2, 2)
    assert model(torch.zeros(3, 1, 8, 8)).shape == (3, 10)
    assert model.conv1.weight.numel() == 4 * 3 * 3 * 1, "K (F F D) weights, as in the notes"


def _fit_digits(model, flat: bool, epochs: int, lr: float = 3e-3) -> float:
    """Adam with small batches and a cosine-decayed step size: across split seeds 0-4 this
    lands between 96% and 99% test accuracy for both models (the test set has 269 digits, so one
    standard error is about 1%)."""
    splits = load_digits_splits(0, flat=flat)
    optimizer = torch.optim.Adam(model.parameters(), lr)
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=epochs)
    train(model, F.cross_entropy, (splits.x_train, splits.y_train), optimizer, epochs, batch_size=32,
          scheduler=schedule, device="cpu", progress=False)
    _, test_accuracy = evaluate(model, F.cross_entropy, (splits.x_test, splits.y_test), metric=accuracy_from_logits)
    return test_accuracy


@pytest.mark.training
def test_mlp_reaches_95_percent_on_the_test_digits():
    set_seed(0)
    accuracy = _fit_digits(MLP([64, 256, 10]), flat=True, epochs=30)
    assert accuracy >= 0.95, f"test accuracy {accuracy:.3f}"


@pytest.mark.training
def test_cnn_reaches_95_percent_on_the_test_digits():
    set_seed(0)
    accuracy = _fit_digits(DigitsCNN(), flat=False, epochs=20)
    assert accuracy >= 0.95, f"test accuracy {accuracy:.3f}"


@pytest.mark.parametrize("call, message", [
    (lambda: MLP([64]), "at least an input and an output"),
    (lambda: MLP([64, 0, 10]), "positive integer"),
    (lambda: MLP([4, 2], activation="swish"), "'relu'"),
    (lambda: MLP([4, 2], activation=3), "name"),
    (lambda: MLP([64, 10])(torch.zeros(2, 1, 8, 8)), "flatten"),
    (lambda: DigitsCNN()(torch.zeros(2, 64)), r"\(N, 1, 8, 8\)"),
])
def test_bad_arguments_say_what_was_expected(call, message):
    with pytest.raises((ValueError, TypeError), match=message):
        call()

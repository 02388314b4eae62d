"""The training loop: the batch convention, the History it records, reproducibility, devices,
the progress bar, and the evaluate/predict helpers."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from torch import nn
from torch.nn import functional as F
from torch.utils.data import DataLoader, TensorDataset

import dlcourse.training as training
from dlcourse.models.vae import VAE, VAEOutput
from dlcourse.seeding import set_seed
from dlcourse.training import History, accuracy_from_logits, evaluate, predict, train


def _regression_data(n=103, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 1))
    return x, 2.0 * x - 1.0 + 0.1 * rng.normal(size=(n, 1))


def test_full_batch_gradient_descent_reaches_least_squares():
    x, y = _regression_data()
    set_seed(0)
    model = nn.Linear(1, 1)
    history = train(model, F.mse_loss, (x, y), torch.optim.SGD(model.parameters(), lr=0.3), 200,
                    batch_size=len(x), device="cpu", progress=False)
    slope, intercept = np.polyfit(x[:, 0], y[:, 0], 1)
    assert model.weight.item() == pytest.approx(slope, abs=1e-4)
    assert model.bias.item() == pytest.approx(intercept, abs=1e-4)
    assert isinstance(history, History) and history.epochs == 200
    assert np.all(np.diff(history.train_loss) <= 1e-6), "full-batch GD with a small step never increases the loss"  # up to float32 rounding


def test_epoch_loss_is_the_example_weighted_mean():
    """With a zero step size the weights stay fixed, so the epoch's loss must equal the loss on
    the whole data set, even though the last batch is smaller."""
    x, y = _regression_data(n=103)
    model = nn.Linear(1, 1)
    history = train(model, F.mse_loss, (x, y), torch.optim.SGD(model.parameters(), lr=0.0), 1, batch_size=10,
                    device="cpu", progress=False)
    full = F.mse_loss(model(torch.as_tensor(x, dtype=torch.float32)), torch.as_tensor(y, dtype=torch.float32))
    assert history.train_loss[0] == pytest.approx(full.item(), rel=1e-5)
    assert evaluate(model, F.mse_loss, (x, y), batch_size=7)[0] == pytest.approx(full.item(), rel=1e-5)


def test_validation_loss_and_metric_are_recorded_each_epoch():
    set_seed(0)
    x = torch.randn(200, 2)
    y = (x[:, 0] > 0).long()
    model = nn.Linear(2, 2)
    history = train(model, F.cross_entropy, (x[:150], y[:150]), torch.optim.Adam(model.parameters(), 0.05), 5,
                    val_data=(x[150:], y[150:]), metric=accuracy_from_logits, device="cpu", progress=False)
    assert len(history.val_loss) == len(history.val_metric) == 5
    assert history.metric_name == "accuracy_from_logits"
    loss, accuracy = evaluate(model, F.cross_entropy, (x[150:], y[150:]), metric=accuracy_from_logits)
    assert history.val_loss[-1] == pytest.approx(loss) and history.val_metric[-1] == pytest.approx(accuracy)
    assert accuracy > 0.9


def test_same_seed_same_training_run():
    def run():
        set_seed(4)
        x, y = _regression_data()
        model = nn.Sequential(nn.Linear(1, 8), nn.Tanh(), nn.Linear(8, 1))
        return train(model, F.mse_loss, (x, y), torch.optim.SGD(model.parameters(), lr=0.05), 3, batch_size=16,
                     device="cpu", progress=False).train_loss

    assert run() == run()


class _Recorder(nn.Module):
    """Returns the sum of its inputs and remembers how many it got."""

    def __init__(self):
        super().__init__()
        self.scale = nn.Parameter(torch.ones(()))
        self.calls = []

    def forward(self, *inputs):
        self.calls.append(len(inputs))
        return self.scale * sum(part.float() for part in inputs)


def test_batch_convention_inputs_then_target():
    x, lengths, y = torch.randn(8, 3), torch.ones(8, 3), torch.zeros(8, 3)
    seen = []

    def loss_fn(output, target):
        seen.append(target)
        return ((output - target) ** 2).mean()

    for data, n_inputs, target in [((x, y), 1, y), ((x, lengths, y), 2, y), ((x,), 1, x)]:
        model, seen = _Recorder(), []
        train(model, loss_fn, data, torch.optim.SGD(model.parameters(), lr=0.0), 1, batch_size=8, shuffle=False,
              device="cpu", progress=False)
        assert model.calls == [n_inputs]
        torch.testing.assert_close(seen[0], target)


def test_a_model_may_return_its_own_loss():
    class OwnLoss(nn.Module):
        def __init__(self):
            super().__init__()
            self.center = nn.Parameter(torch.zeros(2))

        def forward(self, x):
            return ((x - self.center) ** 2).sum(-1).mean()

    model = OwnLoss()
    x = torch.randn(64, 2) + torch.tensor([3.0, -1.0])
    train(model, None, (x,), torch.optim.SGD(model.parameters(), lr=0.2), 50, batch_size=64, device="cpu",
          progress=False)
    torch.testing.assert_close(model.center.detach(), x.mean(0), atol=1e-4, rtol=0)


def test_a_dataloader_is_used_as_given():
    x, y = _regression_data()
    loader = DataLoader(TensorDataset(torch.as_tensor(x, dtype=torch.float32), torch.as_tensor(y, dtype=torch.float32)),
                        batch_size=200)
    model = nn.Linear(1, 1)
    history = train(model, F.mse_loss, loader, torch.optim.SGD(model.parameters(), lr=0.5), 40, device="cpu",
                    progress=False)
    assert history.train_loss[-1] < 0.02


def test_max_grad_norm_clips_every_step():
    norms = []

    class RecordingSGD(torch.optim.SGD):
        def step(self, closure=None):
            norms.append(torch.sqrt(sum((p.grad**2).sum() for p in self.param_groups[0]["params"])).item())
            return super().step(closure)

    x, y = _regression_data()
    model = nn.Linear(1, 1)
    train(model, F.mse_loss, (x, 100 * y), RecordingSGD(model.parameters(), lr=1e-3), 2, batch_size=16,
          max_grad_norm=0.5, device="cpu", progress=False)
    assert max(norms) <= 0.5 + 1e-5


def test_a_scheduler_steps_once_per_epoch():
    x, y = _regression_data()
    model = nn.Linear(1, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    schedule = torch.optim.lr_scheduler.StepLR(optimizer, step_size=1, gamma=0.5)
    train(model, F.mse_loss, (x, y), optimizer, 3, batch_size=10, scheduler=schedule, device="cpu", progress=False)
    assert optimizer.param_groups[0]["lr"] == pytest.approx(0.1 * 0.5**3)


def test_default_device_comes_from_pick_device(monkeypatch):
    calls = []
    monkeypatch.setattr(training, "pick_device", lambda: calls.append(1) or torch.device("cpu"))
    x, y = _regression_data()
    model = nn.Linear(1, 1)
    train(model, F.mse_loss, (x, y), torch.optim.SGD(model.parameters(), lr=0.1), 1, progress=False)
    assert calls == [1] and model.weight.device.type == "cpu"


def test_progress_bar_shows_by_default_and_hides_while_grading(monkeypatch, capsys):
    x, y = _regression_data()
    model = nn.Linear(1, 1)
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    train(model, F.mse_loss, (x, y), torch.optim.SGD(model.parameters(), lr=0.1), 2, device="cpu")
    assert "training" in capsys.readouterr().err
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    train(model, F.mse_loss, (x, y), torch.optim.SGD(model.parameters(), lr=0.1), 2, device="cpu")
    assert capsys.readouterr().err == "", "nbgrader zeroes a cell that writes to stderr"
    monkeypatch.delenv("NBGRADER_EXECUTION")
    train(model, F.mse_loss, (x, y), torch.optim.SGD(model.parameters(), lr=0.1), 2, device="cpu", progress=False)
    assert capsys.readouterr().err == ""


def test_evaluate_and_predict_use_eval_mode_and_restore_it():
    model = nn.Sequential(nn.Linear(4, 4), nn.Dropout(0.5))
    x = torch.randn(10, 4)
    model.train()
    first, second = predict(model, x), predict(model, x)
    torch.testing.assert_close(first, second)  # dropout off
    assert model.training
    model.eval()
    evaluate(model, F.mse_loss, (x, x))
    assert not model.training


def test_predict_batches_several_inputs_and_tuple_outputs():
    x = torch.randn(11, 3)
    summed = predict(_Recorder(), (x, 2 * x), batch_size=4)
    torch.testing.assert_close(summed, 3 * x)
    output = predict(VAE(3, (4,), 2), np.random.default_rng(0).random((11, 3)), batch_size=4)
    assert isinstance(output, VAEOutput) and output.logits.shape == (11, 3) and output.mean.shape == (11, 2)


def test_accuracy_from_logits_skips_ignored_positions():
    logits = torch.tensor([[[2.0, 0.0], [0.0, 2.0], [2.0, 0.0]]])  # predicts 0, 1, 0
    assert accuracy_from_logits(logits, torch.tensor([[0, 0, -100]])) == 0.5
    assert accuracy_from_logits(logits[0], torch.tensor([0, 1, 0])) == 1.0


@pytest.mark.parametrize("call, message", [
    (lambda: train(nn.Linear(1, 1), lambda o, t: (o - t) ** 2, (torch.ones(4, 1), torch.ones(4, 1)),
                   torch.optim.SGD(nn.Linear(1, 1).parameters(), 0.1), 1, progress=False), "single number"),
    (lambda: train(nn.Linear(1, 1), F.mse_loss, (torch.ones(4, 1), torch.ones(3, 1)),
                   torch.optim.SGD(nn.Linear(1, 1).parameters(), 0.1), 1, progress=False), "same number"),
    (lambda: train(nn.Linear(1, 1), F.mse_loss, "data", torch.optim.SGD(nn.Linear(1, 1).parameters(), 0.1), 1),
     "DataLoader"),
    (lambda: train(nn.Linear(1, 1), F.mse_loss, (torch.ones(4, 1),), torch.optim.SGD(nn.Linear(1, 1).parameters(),
                                                                                     0.1), 0), "positive integer"),
    (lambda: accuracy_from_logits(torch.ones(3, 2), torch.ones(4)), "match targets"),
])
def test_bad_arguments_say_what_was_expected(call, message):
    with pytest.raises((ValueError, TypeError), match=message):
        call()


def test_a_metric_needs_a_loss_function():
    with pytest.raises(ValueError, match="loss_fn=None"):
        evaluate(nn.Linear(1, 1), None, (torch.ones(3, 1),), metric=accuracy_from_logits)

"""One training loop for every chapter: mini-batch gradient descent with any model, loss and
optimizer, a progress bar, and a per-epoch record of the losses.

The batch convention: data is a tuple of tensors (or a ``DataLoader`` yielding such tuples) whose
**last** element is the target and whose other elements are the model's inputs:

- ``(x, y)``: ``loss_fn(model(x), y)``, the supervised case;
- ``(tokens, lengths, y)``: ``loss_fn(model(tokens, lengths), y)``, several inputs;
- ``(x,)``: ``loss_fn(model(x), x)``, an autoencoder reconstructs its input;
- ``loss_fn=None``: ``model(*batch)`` returns the loss itself (a diffusion model draws its time
  steps and noise inside).

NumPy arrays are accepted and converted (floating arrays to torch's default float dtype,
integers to int64). Shuffling uses PyTorch's global generator, which ``dlcourse.seeding.set_seed``
seeds, so a seeded notebook trains the same way every time.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from dlcourse._validate import as_positive_int
from dlcourse.env import is_grading, pick_device

__all__ = ["History", "train", "evaluate", "predict", "make_loader", "accuracy_from_logits"]

LossFunction = Callable[..., torch.Tensor]
Metric = Callable[[torch.Tensor, torch.Tensor], float]
Data = DataLoader | Sequence | torch.Tensor | np.ndarray


@dataclass
class History:
    """Per-epoch record of a training run.

    Attributes:
        train_loss: mean training loss of each epoch (averaged over examples, measured while the
            weights changed during that epoch).
        val_loss, val_metric: the validation loss and metric after each epoch (empty without
            validation data / metric).
        metric_name: the metric's name, for plot labels.
        seconds: wall-clock time of the whole run.
    """

    train_loss: list[float] = field(default_factory=list)
    val_loss: list[float] = field(default_factory=list)
    val_metric: list[float] = field(default_factory=list)
    metric_name: str | None = None
    seconds: float = 0.0

    @property
    def epochs(self) -> int:
        return len(self.train_loss)


def _as_tensor(value) -> torch.Tensor:
    if isinstance(value, torch.Tensor):
        return value
    array = np.asarray(value)
    if np.issubdtype(array.dtype, np.floating):
        return torch.as_tensor(array, dtype=torch.get_default_dtype())
    if np.issubdtype(array.dtype, np.integer):
        return torch.as_tensor(array, dtype=torch.int64)
    if array.dtype == bool:
        return torch.as_tensor(array)
    raise TypeError(f"data must be numeric tensors or arrays, got dtype {array.dtype}")


def make_loader(data: Data, batch_size: int = 64, shuffle: bool = False) -> DataLoader | Iterable:
    """A ``DataLoader`` over ``data`` (a tensor, an array, or a tuple of them with one first
    dimension N); a ``DataLoader`` (or any iterable of batches) is returned unchanged."""
    if isinstance(data, DataLoader):
        return data
    if isinstance(data, (torch.Tensor, np.ndarray)):
        data = (data,)
    if not isinstance(data, (tuple, list)) or not data:
        raise TypeError(
            "data must be a DataLoader, a tensor, or a tuple of tensors/arrays such as (x, y), got "
            f"{type(data).__name__}"
        )
    tensors = [_as_tensor(part) for part in data]
    sizes = {len(t) for t in tensors}
    if len(sizes) != 1:
        raise ValueError(f"every part of data must have the same number of examples, got sizes "
                         f"{[len(t) for t in tensors]}")
    return DataLoader(TensorDataset(*tensors), batch_size=as_positive_int(batch_size, "batch_size"),
                      shuffle=shuffle)


def _batch_tuple(batch, device) -> tuple[torch.Tensor, ...]:
    batch = (batch,) if isinstance(batch, torch.Tensor) else tuple(batch)
    return tuple(part.to(device) if isinstance(part, torch.Tensor) else part for part in batch)


def _forward(model: nn.Module, loss_fn: LossFunction | None, batch: tuple) -> tuple[torch.Tensor, object, object]:
    """(loss, output, target) of one batch under the batch convention of the module docstring."""
    if loss_fn is None:
        loss, output, target = model(*batch), None, None
    else:
        inputs, target = (batch, batch[0]) if len(batch) == 1 else (batch[:-1], batch[-1])
        output = model(*inputs)
        loss = loss_fn(output, target)
    if not isinstance(loss, torch.Tensor) or loss.dim() != 0:
        shape = tuple(loss.shape) if isinstance(loss, torch.Tensor) else type(loss).__name__
        raise ValueError(f"the loss must be a single number (a 0-d tensor), got {shape}: average it over the batch")
    return loss, output, target


def _model_device(model: nn.Module) -> torch.device:
    parameter = next(model.parameters(), None)
    return parameter.device if parameter is not None else torch.device("cpu")


def train(
    model: nn.Module,
    loss_fn: LossFunction | None,
    train_data: Data,
    optimizer: torch.optim.Optimizer,
    epochs: int,
    *,
    val_data: Data | None = None,
    metric: Metric | None = None,
    batch_size: int = 64,
    shuffle: bool = True,
    device: torch.device | str | None = None,
    max_grad_norm: float | None = None,
    scheduler: torch.optim.lr_scheduler.LRScheduler | None = None,
    progress: bool | None = None,
) -> History:
    """Train ``model`` for ``epochs`` passes over ``train_data``.

    Each step: ``loss = loss_fn(model(*inputs), target)``; ``optimizer.zero_grad()``;
    ``loss.backward()``; optionally clip the gradient norm; ``optimizer.step()``.

    Args:
        model: any ``nn.Module``; moved to ``device``.
        loss_fn: ``loss_fn(output, target) -> 0-d tensor`` (e.g. ``nn.functional.cross_entropy``),
            or None when the model returns its own loss (see the module docstring).
        train_data: a DataLoader, or a tuple of tensors/arrays (batched here with ``batch_size``,
            reshuffled every epoch when ``shuffle``).
        optimizer: built on ``model.parameters()``.
        epochs: number of passes.
        val_data: evaluated after every epoch (same forms as ``train_data``).
        metric: ``metric(outputs, targets) -> float`` on the whole validation set, e.g.
            :func:`accuracy_from_logits`.
        device: default ``dlcourse.env.pick_device()``: a GPU when there is one.
        max_grad_norm: clip the gradients' total norm to this value (useful for RNNs).
        scheduler: a learning-rate schedule on ``optimizer``, stepped once after every epoch.
        progress: show a progress bar; default on, except while nbgrader grades.

    Returns:
        A :class:`History`.
    """
    from tqdm.auto import tqdm  # imported here: tqdm.auto probes for Jupyter

    epochs = as_positive_int(epochs, "epochs")
    device = torch.device(device) if device is not None else pick_device()
    show = (not is_grading()) if progress is None else bool(progress)
    model.to(device)
    loader = make_loader(train_data, batch_size, shuffle)
    val_loader = make_loader(val_data, batch_size=max(batch_size, 256)) if val_data is not None else None
    history = History(metric_name=getattr(metric, "__name__", None) if metric else None)
    start = time.perf_counter()
    bar = tqdm(range(epochs), desc="training", unit="epoch", disable=not show)
    for _ in bar:
        model.train()
        total, count = 0.0, 0
        for batch in loader:
            batch = _batch_tuple(batch, device)
            loss, _, _ = _forward(model, loss_fn, batch)
            optimizer.zero_grad()
            loss.backward()
            if max_grad_norm is not None:
                nn.utils.clip_grad_norm_(model.parameters(), max_grad_norm)
            optimizer.step()
            size = len(batch[0])
            total += loss.item() * size
            count += size
        if count == 0:
            raise ValueError("train_data yielded no batches")
        history.train_loss.append(total / count)
        if scheduler is not None:
            scheduler.step()
        postfix = {"loss": f"{history.train_loss[-1]:.4f}"}
        if val_loader is not None:
            val_loss, val_metric = evaluate(model, loss_fn, val_loader, metric=metric, device=device)
            history.val_loss.append(val_loss)
            postfix["val_loss"] = f"{val_loss:.4f}"
            if val_metric is not None:
                history.val_metric.append(val_metric)
                postfix[history.metric_name or "metric"] = f"{val_metric:.4f}"
        bar.set_postfix(postfix)
    history.seconds = time.perf_counter() - start
    return history


def _concatenate(parts: list):
    """Join per-batch outputs along dim 0; a tuple (or NamedTuple) output is joined field by field."""
    first = parts[0]
    if isinstance(first, torch.Tensor):
        return torch.cat(parts)
    joined = [torch.cat(field_parts) for field_parts in zip(*parts)]
    return type(first)(*joined) if hasattr(first, "_fields") else tuple(joined)


def _detached(output):
    if isinstance(output, torch.Tensor):
        return output.detach().cpu()
    return type(output)(*(_detached(part) for part in output)) if hasattr(output, "_fields") else tuple(
        _detached(part) for part in output)


@contextmanager
def _evaluation_mode(model: nn.Module):
    """Eval mode (dropout off, batch norm frozen) and no gradients; the model's mode is restored
    afterwards, even after an error."""
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            yield
    finally:
        model.train(was_training)


def evaluate(
    model: nn.Module,
    loss_fn: LossFunction | None,
    data: Data,
    metric: Metric | None = None,
    batch_size: int = 256,
    device: torch.device | str | None = None,
) -> tuple[float, float | None]:
    """The mean loss over ``data`` (weighted by batch sizes) and ``metric(outputs, targets)`` on
    all of it, without gradients and in eval mode (dropout off, batch norm frozen); the model's
    mode is restored afterwards.

    Returns:
        (loss, metric value or None).
    """
    if metric is not None and loss_fn is None:
        raise ValueError("a metric needs outputs and targets: it cannot be used with loss_fn=None")
    device = torch.device(device) if device is not None else _model_device(model)
    loader = make_loader(data, batch_size)
    total, count, outputs, targets = 0.0, 0, [], []
    with _evaluation_mode(model):
        for batch in loader:
            batch = _batch_tuple(batch, device)
            loss, output, target = _forward(model, loss_fn, batch)
            total += loss.item() * len(batch[0])
            count += len(batch[0])
            if metric is not None:
                outputs.append(_detached(output))
                targets.append(target.detach().cpu())
    if count == 0:
        raise ValueError("data yielded no batches")
    value = None if metric is None else float(metric(_concatenate(outputs), torch.cat(targets)))
    return total / count, value


def predict(
    model: nn.Module,
    inputs,
    batch_size: int = 256,
    device: torch.device | str | None = None,
):
    """The model's outputs for ``inputs`` (a tensor/array, or a tuple of them for a model with
    several inputs), computed in batches without gradients, in eval mode, returned on the CPU
    and joined along the first dimension."""
    device = torch.device(device) if device is not None else _model_device(model)
    parts = inputs if isinstance(inputs, (tuple, list)) else (inputs,)
    loader = make_loader(tuple(parts), batch_size)
    with _evaluation_mode(model):
        outputs = [_detached(model(*_batch_tuple(batch, device))) for batch in loader]
    return _concatenate(outputs)


def accuracy_from_logits(logits: torch.Tensor, targets: torch.Tensor, ignore_index: int = -100) -> float:
    """The fraction of ``argmax(logits)`` equal to ``targets``, over the positions whose target
    is not ``ignore_index``.

    Shapes: logits (N, C) and targets (N,), or per-position (N, T, C) and (N, T).
    """
    if logits.shape[:-1] != targets.shape:
        raise ValueError(f"logits (..., C) must match targets (...): got {tuple(logits.shape)} and "
                         f"{tuple(targets.shape)}")
    keep = targets != ignore_index
    correct = (logits.argmax(dim=-1) == targets) & keep
    return float(correct.sum()) / max(int(keep.sum()), 1)

"""RNN gradient-flow explorer: how much the final state still depends on each earlier input.

For a recurrent layer (``nn.RNN``, ``nn.GRU`` or ``nn.LSTM``) with random weights, read one random
sequence and measure, for every time step t, the norm of the gradient of a fixed readout of the
last hidden state, ``u . h_T``, with respect to the input ``x_t``. Plotted against t on a log scale
it shows vanishing gradients (a straight line falling towards early steps), exploding ones
(rising) and the flatter profile of the gated cells. The recurrent weights are ``scale * V`` with
``V`` drawn with entries of variance 1 / H, so ``scale`` sets how much one step stretches a
vector before the nonlinearity.

The computation (:func:`gradient_norms_through_time`) is a plain function; the widget
(:func:`gradient_flow_explorer`) only wires three controls to it.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from dlcourse._validate import as_positive_int, check_choice
from dlcourse.widgets.live_figure import Explorer, LiveFigure

__all__ = ["CELLS", "random_recurrent_setup", "gradient_norms_through_time", "gradient_flow_explorer"]

CELLS = ("rnn", "gru", "lstm")


def random_recurrent_setup(cell: str, length: int, scale: float, hidden_size: int = 16, input_size: int = 4,
                           seed: int = 0):
    """The random layer, readout and input of :func:`gradient_norms_through_time`, in float64.

    Every parameter is drawn uniformly in ``+-1 / sqrt(H)`` (PyTorch's default range) from a
    generator seeded with ``seed``, then the recurrent weights ``weight_hh_l0`` are replaced by
    ``scale * V``, ``V`` with i.i.d. N(0, 1 / H) entries (every gate block of a gated cell alike).

    Returns:
        layer: a single-layer ``nn.RNN`` (tanh), ``nn.GRU`` or ``nn.LSTM``, batch first.
        readout: ``u``, shape (H,).
        inputs: ``x``, shape (1, T, D).
    """
    import torch
    from torch import nn

    check_choice(cell, "cell", CELLS)
    length = as_positive_int(length, "length")
    hidden_size = as_positive_int(hidden_size, "hidden_size")
    input_size = as_positive_int(input_size, "input_size")
    scale = float(scale)
    if not np.isfinite(scale) or scale < 0:
        raise ValueError(f"scale must be a finite non-negative number, got {scale}")
    generator = torch.Generator().manual_seed(int(seed))
    layer = {"rnn": nn.RNN, "gru": nn.GRU, "lstm": nn.LSTM}[cell](input_size, hidden_size, batch_first=True).double()
    bound = 1 / hidden_size ** 0.5
    with torch.no_grad():
        for parameter in layer.parameters():         # reproducible from the seed alone
            parameter.copy_(torch.empty(parameter.shape, dtype=torch.float64).uniform_(-bound, bound, generator=generator))
        recurrent = layer.weight_hh_l0
        recurrent.copy_(scale * torch.randn(recurrent.shape, generator=generator, dtype=torch.float64) / hidden_size ** 0.5)
    readout = torch.randn(hidden_size, generator=generator, dtype=torch.float64)
    inputs = torch.randn(1, length, input_size, generator=generator, dtype=torch.float64)
    return layer, readout, inputs


def gradient_norms_through_time(cell: str, length: int, scale: float, hidden_size: int = 16,
                                input_size: int = 4, seed: int = 0) -> np.ndarray:
    """``||d (u . h_T) / d x_t||`` for t = 1..T, by autograd in float64, for the layer, readout ``u``
    and input of :func:`random_recurrent_setup` (same arguments).

    Returns:
        norms: shape (T,); ``norms[t - 1]`` is the gradient norm at step t (the last entry is the
        most recent step).
    """
    layer, readout, inputs = random_recurrent_setup(cell, length, scale, hidden_size, input_size, seed)
    inputs.requires_grad_(True)
    states, _ = layer(inputs)                        # (1, T, H)
    (states[0, -1] @ readout).backward()
    return inputs.grad[0].norm(dim=1).numpy()         # (T,)


def gradient_flow_explorer(length: int = 60, scale: float = 1.0, cell: str = "rnn", hidden_size: int = 16,
                           seed: int = 0) -> Explorer:
    """Sliders for the sequence length and the recurrent weight scale, a menu for the cell; the
    figure shows the gradient norm at every time step (log scale) and the text the ratio between
    the first and the last step."""
    live = LiveFigure(figsize=(6.4, 3.4), dpi=110)
    ax = live.axes
    (line,) = ax.plot([], [], "o-", markersize=2.5, linewidth=1.2)
    ax.set(yscale="log", xlabel="time step t", ylabel=r"$\|\partial (u \cdot h_T) / \partial x_t\|$")
    controls = {
        "length": widgets.IntSlider(value=length, min=5, max=200, step=5, description="length"),
        "scale": widgets.FloatSlider(value=scale, min=0.25, max=4.0, step=0.25, description="weight scale"),
        "cell": widgets.Dropdown(options=list(CELLS), value=cell, description="cell"),
    }

    def draw(live_figure, length, scale, cell):
        norms = gradient_norms_through_time(cell, length, scale, hidden_size=hidden_size, seed=seed)
        steps = np.arange(1, length + 1)
        line.set_data(steps, np.maximum(norms, 1e-300))
        positive = norms[norms > 0]
        low, high = (positive.min(), positive.max()) if positive.size else (1e-300, 1.0)
        ax.set_xlim(0, length + 1)
        ax.set_ylim(low / 3, high * 3)
        ax.set_title(f"{cell.upper()}, H = {hidden_size}, recurrent weights x {scale:g}")
        ratio = norms[0] / norms[-1] if norms[-1] > 0 else np.inf
        return (f"gradient at step 1 / gradient at step {length}: <b>{ratio:.3g}</b> "
                f"({'vanishing' if ratio < 1e-2 else 'exploding' if ratio > 1e2 else 'roughly preserved'})")

    return Explorer(controls, draw, live)

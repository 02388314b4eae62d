"""The attention-map viewer of chapter 11: inside a small transformer trained to reverse sequences.

The model is the package's :class:`~dlcourse.models.transformer.TinyTransformer` (2 post-LayerNorm
layers, 2 heads, width 32) trained on :func:`~dlcourse.data.sequences.make_reversal_task` with
lengths 3 to 8 over the symbols 1..8. Its weights ship next to this module
(``reversal_transformer.npz``); :func:`train_reversal_model` regenerates them exactly (run
``python -m dlcourse.widgets.attention_map`` to rewrite the file) and a test checks that the
shipped file is what the function produces.

The pieces, each usable and tested on its own:

- :func:`load_reversal_model`: the trained model (cached).
- :func:`parse_sequence`: the text a student types -> token ids, with a clear error otherwise.
- :func:`attention_state`: runs the model once on one sequence and keeps every layer's and head's
  attention map, the prediction and whether it is the reversal.
- :func:`select_map`, :func:`anti_diagonal_mass`: one map (a head or the heads' average), and the
  share of attention each map puts on the mirror position ``L - 1 - t``.
- :func:`plot_attention_viewer` / :func:`update_attention_viewer`: draw a state, then update the
  same artists in place (the image keeps its ``MAX_LENGTH`` squares; the axes show the L x L corner
  of the current sequence).
- :class:`AttentionMapExplorer`: the widget; the model runs once per input sequence, never per
  redraw (states are cached by sequence).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import NamedTuple

import ipywidgets as widgets
import numpy as np
import torch

from dlcourse.data.sequences import make_reversal_task
from dlcourse.models.transformer import TinyTransformer
from dlcourse.widgets.live_figure import Explorer, LiveFigure

__all__ = [
    "MODEL_CONFIG",
    "TRAINING",
    "MAX_LENGTH",
    "EXAMPLES",
    "WEIGHTS_PATH",
    "train_reversal_model",
    "load_reversal_model",
    "model_arrays",
    "parse_sequence",
    "AttentionState",
    "attention_state",
    "select_map",
    "anti_diagonal_mass",
    "plot_attention_viewer",
    "update_attention_viewer",
    "AttentionMapExplorer",
]

MAX_LENGTH = 8
N_SYMBOLS = 8
MODEL_CONFIG = dict(vocabulary_size=N_SYMBOLS + 1, dim=32, num_heads=2, num_layers=2, ff_dim=64, max_length=MAX_LENGTH)
TRAINING = dict(num_sequences=4000, min_length=3, num_steps=400, batch_size=64, learning_rate=3e-3, seed=0)
EXAMPLES = ("1 2 3 4 5 6 7 8", "5 3 8 1", "2 2 7 7 4", "8 6 4 2 1 3 5", "3 1 4")
WEIGHTS_PATH = Path(__file__).with_name("reversal_transformer.npz")


def train_reversal_model(num_steps: int | None = None) -> TinyTransformer:
    """Train the viewer's model from scratch, deterministically (one thread, fixed seeds).

    Adam on minibatches of random reversal sequences of lengths 3..8; the mean cross-entropy over
    the real (not padded) positions. ``num_steps`` overrides ``TRAINING['num_steps']`` (tests).
    """
    steps = TRAINING["num_steps"] if num_steps is None else num_steps
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # the same floating-point sums on every machine
    try:
        torch.manual_seed(TRAINING["seed"])
        data = make_reversal_task(TRAINING["num_sequences"], TRAINING["seed"] + 1, length=MAX_LENGTH,
                                  n_symbols=N_SYMBOLS, min_length=TRAINING["min_length"])
        model = TinyTransformer(**MODEL_CONFIG)
        optimizer = torch.optim.Adam(model.parameters(), lr=TRAINING["learning_rate"])
        inputs, targets = torch.as_tensor(data.inputs), torch.as_tensor(data.targets)
        generator = torch.Generator().manual_seed(TRAINING["seed"])
        for _ in range(steps):
            batch = torch.randint(0, len(inputs), (TRAINING["batch_size"],), generator=generator)
            logits = model(inputs[batch])                                       # (B, T, V)
            loss = torch.nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), targets[batch].reshape(-1))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    finally:
        torch.set_num_threads(threads)
    return model.eval()


def model_arrays(model: TinyTransformer) -> dict[str, np.ndarray]:
    """The model's parameters as float32 arrays, by state-dict name (what the .npz file holds)."""
    return {name: value.detach().cpu().numpy().astype(np.float32) for name, value in model.state_dict().items()}


@functools.lru_cache(maxsize=1)
def load_reversal_model() -> TinyTransformer:
    """The trained viewer model, from the shipped weights, in evaluation mode."""
    model = TinyTransformer(**MODEL_CONFIG)
    with np.load(WEIGHTS_PATH) as arrays:
        model.load_state_dict({name: torch.as_tensor(arrays[name]) for name in arrays.files})
    return model.eval()


def parse_sequence(text: str) -> tuple[int, ...]:
    """Token ids from text such as ``"3 1 4"``, ``"3,1,4"`` or ``"314"`` (symbols 1..8, 1 to 8 of them).

    Raises:
        ValueError: with a sentence saying what is allowed.
    """
    cleaned = str(text).replace(",", " ").split()
    if len(cleaned) == 1 and cleaned[0].isdigit():
        cleaned = list(cleaned[0])  # "314" -> 3, 1, 4
    if not cleaned or not all(part.isdigit() for part in cleaned):
        raise ValueError(f"type 1 to {MAX_LENGTH} symbols from 1 to {N_SYMBOLS}, separated by spaces; got {text!r}")
    tokens = tuple(int(part) for part in cleaned)
    if len(tokens) > MAX_LENGTH or not all(1 <= token <= N_SYMBOLS for token in tokens):
        raise ValueError(f"type 1 to {MAX_LENGTH} symbols from 1 to {N_SYMBOLS}; got {text!r}")
    return tokens


class AttentionState(NamedTuple):
    """One sequence through the model.

    Attributes:
        tokens: the input, length L.
        maps: attention weights, shape (layers, heads, L, L); ``maps[l, h, t]`` is how query t of
            head h in layer l spreads its attention over the keys (sums to 1).
        predicted: the model's output token at each position, shape (L,).
        target: the reversed input, shape (L,).
    """

    tokens: tuple[int, ...]
    maps: np.ndarray
    predicted: np.ndarray
    target: np.ndarray

    @property
    def correct(self) -> np.ndarray:
        return self.predicted == self.target


def attention_state(model: TinyTransformer, tokens) -> AttentionState:
    """Run ``model`` once on one sequence of token ids (no padding) and keep its attention maps."""
    tokens = tuple(int(t) for t in tokens)
    if not 1 <= len(tokens) <= len(model.positional_encoding):
        raise ValueError(f"the sequence must have 1 to {len(model.positional_encoding)} tokens, got {len(tokens)}")
    with torch.no_grad():
        logits = model(torch.tensor([tokens], dtype=torch.int64))              # (1, L, V)
    maps = np.stack([layer_maps[0].numpy() for layer_maps in model.attention_maps()])  # (layers, heads, L, L)
    return AttentionState(tokens, maps.astype(np.float64), logits[0].argmax(-1).numpy(), np.array(tokens[::-1]))


def select_map(state: AttentionState, layer: int, head: int | str) -> np.ndarray:
    """The (L, L) map of one head, or of the heads' average with ``head="average"``."""
    if not 0 <= layer < state.maps.shape[0]:
        raise ValueError(f"layer must be 0..{state.maps.shape[0] - 1}, got {layer}")
    if head == "average":
        return state.maps[layer].mean(axis=0)
    if not isinstance(head, (int, np.integer)) or not 0 <= head < state.maps.shape[1]:
        raise ValueError(f"head must be 0..{state.maps.shape[1] - 1} or 'average', got {head!r}")
    return state.maps[layer, head]


def anti_diagonal_mass(weights) -> float:
    """Mean over the queries t of ``weights[t, L - 1 - t]``: 1 for a map that looks exactly at the
    mirror position (what reversing needs), 1/L for a uniform map. ``weights`` is (L, L)."""
    weights = np.asarray(weights, dtype=float)
    if weights.ndim != 2 or weights.shape[0] != weights.shape[1]:
        raise ValueError(f"weights must be a square (L, L) map, got shape {weights.shape}")
    return float(np.mean(np.fliplr(weights).diagonal()))


class ViewerArtists(NamedTuple):
    image: object
    query_box: object
    bars: object
    axes: tuple


def _padded(matrix: np.ndarray) -> np.ndarray:
    """An (L, L) map inside a (MAX_LENGTH, MAX_LENGTH) array of nan (outside the shown corner)."""
    out = np.full((MAX_LENGTH, MAX_LENGTH), np.nan)
    out[: matrix.shape[0], : matrix.shape[1]] = matrix
    return out


def _label_axes(artists: ViewerArtists, state: AttentionState, query: int) -> None:
    heat, bars_axis = artists.axes
    length = len(state.tokens)
    labels = [f"{t}:{token}" for t, token in enumerate(state.tokens)]
    heat.set_xticks(np.arange(length), labels=labels, rotation=90)
    heat.set_yticks(np.arange(length), labels=labels)
    heat.set_xlim(-0.5, length - 0.5)           # show the L x L corner of the fixed-size image
    heat.set_ylim(length - 0.5, -0.5)
    bars_axis.set_xticks(np.arange(length), labels=labels, rotation=90)
    bars_axis.set_xlim(-0.6, length - 0.4)
    bars_axis.set_title(f"query {query} (token {state.tokens[query]}) attends to", fontsize=10)


def plot_attention_viewer(axes, state: AttentionState, layer: int, head: int | str, query: int) -> ViewerArtists:
    """Draw the heat map of one map (queries as rows, keys as columns, labelled ``position:token``)
    with the chosen query's row outlined, and a bar chart of that row. ``axes`` is a pair."""
    heat, bars_axis = axes
    weights = select_map(state, layer, head)
    image = heat.imshow(_padded(weights), cmap="viridis", vmin=0.0, vmax=1.0, interpolation="nearest")
    heat.grid(False)
    heat.set(xlabel="key (position:token)", ylabel="query (position:token)")
    from matplotlib.patches import Rectangle

    query_box = heat.add_patch(Rectangle((-0.5, query - 0.5), len(state.tokens), 1, fill=False, edgecolor="C3",
                                         linewidth=2))
    heights = np.zeros(MAX_LENGTH)
    heights[: len(state.tokens)] = weights[query]
    bars = bars_axis.bar(np.arange(MAX_LENGTH), heights, color="C0")
    bars_axis.set(ylim=(0, 1), yticks=[0, 0.5, 1], ylabel="attention weight")
    artists = ViewerArtists(image, query_box, bars, (heat, bars_axis))
    _color_mirror(artists, state, query)
    _label_axes(artists, state, query)
    heat.set_title(_map_title(layer, head), fontsize=10)
    return artists


def _map_title(layer: int, head: int | str) -> str:
    return (f"layer {layer + 1}, " + ("average of the heads" if head == "average" else f"head {head}")
            + " (dark 0, yellow 1)")


def _color_mirror(artists: ViewerArtists, state: AttentionState, query: int) -> None:
    mirror = len(state.tokens) - 1 - query
    for position, bar in enumerate(artists.bars):
        bar.set_color("C1" if position == mirror else "C0")


def update_attention_viewer(artists: ViewerArtists, state: AttentionState, layer: int, head: int | str,
                            query: int) -> ViewerArtists:
    """Move the artists of :func:`plot_attention_viewer` to a new state, in place."""
    weights = select_map(state, layer, head)
    artists.image.set_data(_padded(weights))
    artists.query_box.set_xy((-0.5, query - 0.5))
    artists.query_box.set_width(len(state.tokens))
    for position, bar in enumerate(artists.bars):
        bar.set_height(weights[query, position] if position < len(state.tokens) else 0.0)
    _color_mirror(artists, state, query)
    _label_axes(artists, state, query)
    artists.axes[0].set_title(_map_title(layer, head), fontsize=10)
    return artists


def status_text(state: AttentionState, layer: int, head: int | str, query: int) -> str:
    """The input, the model's output (wrong tokens in red), the chosen map's anti-diagonal mass and
    the chosen query's weight on its mirror key."""
    shown = " ".join(str(t) if ok else f"<b style='color:#c00'>{t}</b>"
                     for t, ok in zip(state.predicted.tolist(), state.correct.tolist()))
    mass = anti_diagonal_mass(select_map(state, layer, head))
    return (f"input: {' '.join(map(str, state.tokens))} &nbsp;→&nbsp; model output: {shown} "
            f"({int(state.correct.sum())}/{len(state.tokens)} right) &nbsp;|&nbsp; attention on the mirror position "
            f"L-1-t in this map: {mass:.2f} (uniform: {1 / len(state.tokens):.2f}) &nbsp;|&nbsp; query {query} puts "
            f"{select_map(state, layer, head)[query, len(state.tokens) - 1 - query]:.2f} on its mirror key "
            f"{len(state.tokens) - 1 - query}")


class AttentionMapExplorer(Explorer):
    """The widget: pick an example or type a sequence, choose the layer, the head (or their average)
    and a query position; see the map, the query's attention over the keys (the mirror key in
    orange), and the model's output under the figure. The query slider runs over the positions of
    the current input (0..L-1); a shorter input moves a query beyond its end to its last position.

    ``explorer.set(sequence="4 1 3")`` moves a control from code; ``explorer.state`` is the
    :class:`AttentionState` on display; ``explorer.model_runs`` counts the model's forward passes.
    """

    def __init__(self, sequence: str = EXAMPLES[0], layer: int = 1, head: int | str = 0, query: int = 0,
                 model: TinyTransformer | None = None) -> None:
        self.model = load_reversal_model() if model is None else model
        self.model_runs = 0
        self._states: dict[tuple[int, ...], AttentionState] = {}
        self.artists: ViewerArtists | None = None
        layers, heads = len(self.model.layers), self.model.layers[0].self_attn.num_heads
        controls = {
            "sequence": widgets.Combobox(value=sequence, options=list(EXAMPLES), description="input",
                                         ensure_option=False, continuous_update=False),
            "layer": widgets.Dropdown(options=[(f"layer {i + 1}", i) for i in range(layers)], value=layer,
                                      description="layer"),
            "head": widgets.Dropdown(options=[(f"head {i}", i) for i in range(heads)] + [("average", "average")],
                                     value=head, description="head"),
            "query": widgets.IntSlider(value=query, min=0, max=MAX_LENGTH - 1, description="query t",
                                       continuous_update=False),
        }
        super().__init__(controls, self._draw, LiveFigure(1, 2, figsize=(9.0, 4.0), dpi=80))

    def set(self, **values) -> None:
        """Set controls by name, redrawing once. A new sequence fits the query slider to its length
        first, so that ``set(sequence=..., query=...)`` keeps a query the old input was too short for."""
        if "sequence" in values:
            try:
                self._fit_query_range(len(parse_sequence(values["sequence"])))
            except ValueError:
                pass  # a bad input changes nothing; the redraw says what is wrong
        super().set(**values)

    def _fit_query_range(self, length: int) -> None:
        """Let the query slider run over the positions 0..length-1 of the current input. ipywidgets
        moves a value above the new maximum down to it; that move must not trigger a redraw of its own."""
        slider = self.controls["query"]
        if slider.max != length - 1:
            with self._held():
                slider.max = length - 1

    def state_for(self, tokens: tuple[int, ...]) -> AttentionState:
        """The model's state for one input, computed once and then cached."""
        if tokens not in self._states:
            self._states[tokens] = attention_state(self.model, tokens)
            self.model_runs += 1
        return self._states[tokens]

    def _draw(self, live_figure: LiveFigure, sequence: str, layer: int, head: int | str, query: int) -> str:
        try:
            tokens = parse_sequence(sequence)
        except ValueError as error:
            return f"<span style='color:#c00'>{error}</span>"  # keep the last picture
        self.state = self.state_for(tokens)
        self._fit_query_range(len(tokens))
        query = self.controls["query"].value                 # clamped to the last position of a shorter input
        if self.artists is None:
            self.artists = plot_attention_viewer(live_figure.axes, self.state, layer, head, query)
        else:
            self.artists = update_attention_viewer(self.artists, self.state, layer, head, query)
        return status_text(self.state, layer, head, query)


if __name__ == "__main__":  # regenerate the shipped weights: python -m dlcourse.widgets.attention_map
    trained = train_reversal_model()
    np.savez_compressed(WEIGHTS_PATH, **model_arrays(trained))
    print(f"wrote {WEIGHTS_PATH}")

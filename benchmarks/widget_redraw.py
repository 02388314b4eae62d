"""Time how long each widget of the course takes to redraw after a control moves.

Run with ``.venv/bin/python benchmarks/widget_redraw.py`` (or ``make bench``). For every widget it
builds the widget as its chapter does, then moves each control through a sweep of values, one
change at a time, as a student dragging a slider would, and records ``Explorer.last_redraw_seconds``
(the computation, the update of the artists and the PNG rendering; the browser's swap of the
picture is not included). It prints the median and the slowest redraw per widget.

The target is "a fraction of a second": a redraw well under 0.3 s feels immediate.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import numpy as np


def wave_explorer():
    """Chapter 00's widget check: a sine wave whose frequency a slider sets."""
    import ipywidgets as widgets

    from dlcourse.widgets.live_figure import Explorer, LiveFigure

    live = LiveFigure(figsize=(6, 2.6))
    t = np.linspace(0, 1, 400)
    (wave,) = live.axes.plot(t, np.sin(2 * np.pi * 3 * t))

    def draw(live_figure, frequency):
        wave.set_ydata(np.sin(2 * np.pi * frequency * t))
        return f"f = {frequency}"

    explorer = Explorer({"frequency": widgets.IntSlider(value=3, min=1, max=10)}, draw, live)
    return explorer, {"frequency": list(range(1, 11))}


def step_size_explorer():
    """Chapter 02's step-size explorer on its logistic-regression data."""
    from dlcourse.data.regression import make_glm_data
    from dlcourse.scratch.logistic_regression import logistic_regression_gradient, logistic_regression_loss
    from dlcourse.widgets.step_size import step_size_explorer as build

    x, y = make_glm_data(60, w=0.8, family="bernoulli", rng=2)
    explorer = build(lambda w: logistic_regression_loss(w, x, y), lambda w: logistic_regression_gradient(w, x, y),
                     w_range=(-4.0, 6.0), start=-2.0, step_size=0.2, num_steps=10)
    return explorer, {
        "step_size": list(np.geomspace(0.01, 10, 12)),
        "num_steps": [1, 5, 10, 20, 35, 50],
        "start": list(np.linspace(-4, 6, 8)),
    }


def decision_boundary_explorer():
    """Chapter 04's decision-boundary explorer."""
    from dlcourse.widgets.decision_boundary import DecisionBoundaryExplorer

    explorer = DecisionBoundaryExplorer()
    sweeps = {}
    for name, control in explorer.controls.items():
        if hasattr(control, "options") and control.options:
            options = list(control.options)
            values = [option[1] if isinstance(option, tuple) else option for option in options]
            sweeps[name] = values
        elif hasattr(control, "min"):
            sweeps[name] = list(np.linspace(control.min, control.max, 6).astype(type(control.value)))
    return explorer, sweeps


def attention_map_explorer():
    """Chapter 11's attention-map viewer: every query, layer and head; a few inputs (a new input
    runs the model once, then comes from the cache)."""
    from dlcourse.widgets.attention_map import EXAMPLES, AttentionMapExplorer

    explorer = AttentionMapExplorer()
    return explorer, {
        "query": list(range(8)),
        "layer": [0, 1],
        "head": [0, 1, "average"],
        "sequence": list(EXAMPLES),
    }


WIDGETS: dict[str, Callable] = {
    "00 wave (widget check)": wave_explorer,
    "02 step-size explorer": step_size_explorer,
    "04 decision-boundary explorer": decision_boundary_explorer,
    "11 attention-map viewer": attention_map_explorer,
}


def measure(factory: Callable, repeats: int) -> tuple[float, list[float]]:
    start = time.perf_counter()
    explorer, sweeps = factory()
    first = time.perf_counter() - start
    times = []
    for _ in range(repeats):
        for name, values in sweeps.items():
            initial = explorer.controls[name].value
            for value in values:
                explorer.set(**{name: value})
                times.append(explorer.last_redraw_seconds)
            explorer.set(**{name: initial})
    return first, times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=2, help="sweeps over every control (default 2)")
    arguments = parser.parse_args()
    print(f"{'widget':<32}{'first draw':>12}{'redraws':>9}{'median':>10}{'slowest':>10}")
    for label, factory in WIDGETS.items():
        first, times = measure(factory, arguments.repeats)
        print(f"{label:<32}{first * 1000:>10.0f}ms{len(times):>9}{statistics.median(times) * 1000:>8.0f}ms"
              f"{max(times) * 1000:>8.0f}ms")


if __name__ == "__main__":
    main()

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


def optimizer_paths_explorer():
    """Chapter 08's optimizer-paths explorer, four optimizers overlaid as the chapter shows it."""
    from dlcourse.widgets.optimizer_paths import optimizer_paths_explorer as build

    explorer = build(surface="ill-conditioned quadratic", optimizers=("sgd", "momentum", "nesterov", "adam"),
                     lr=0.02, num_steps=60, start=(-1.5, 2.5))
    return explorer, {
        "lr": list(np.geomspace(1e-3, 0.3, 8)),
        "momentum": [0.0, 0.5, 0.8, 0.9, 0.95],
        "beta1": [0.0, 0.5, 0.9],
        "beta2": [0.9, 0.99, 0.999],
        "num_steps": [10, 60, 150, 300],
        "start_x": list(np.linspace(-2, 2, 5)),
        "start_y": list(np.linspace(-1, 3, 5)),
        "optimizers": [("sgd",), ("adam", "rmsprop", "adagrad"), ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")],
        "surface": ["rosenbrock", "saddle", "noisy quadratic", "ill-conditioned quadratic"],
    }


def convolution_explorer():
    """Chapter 09's convolution explorer on the first 50 digits."""
    from dlcourse.data.digits import load_digits
    from dlcourse.widgets.convolution import CUSTOM, FILTERS, ConvolutionExplorer

    images, labels = load_digits()
    explorer = ConvolutionExplorer(images[:50], labels[:50])
    return explorer, {
        "index": list(range(0, 50, 5)),
        "filter_name": [*FILTERS, CUSTOM],
        "custom": ["1 1 1; 0 0 0; -1 -1 -1", "0 1 0; 1 -4 1; 0 1 0", "2 -1; 0"],
        "pool_size": [1, 2, 3, 4],
        "relu": [False, True],
    }


def gradient_flow_explorer():
    """Chapter 10's RNN gradient-flow explorer."""
    from dlcourse.widgets.gradient_flow import CELLS, gradient_flow_explorer as build

    explorer = build()
    return explorer, {"length": [10, 40, 80, 120, 160, 200], "scale": [0.25, 0.5, 1.0, 2.0, 3.0, 4.0],
                      "cell": list(CELLS)}


def network_playground():
    """Chapter 05's network playground, after one press of its train button (so that the curves and
    regions are those of a trained network); every control swept, the architecture ones included
    (each starts a new network)."""
    from dlcourse.widgets.network_playground import NetworkPlayground

    playground = NetworkPlayground()
    playground.train()
    sweeps = {}
    for name, control in playground.controls.items():
        if hasattr(control, "options") and control.options:
            sweeps[name] = [option[1] if isinstance(option, tuple) else option for option in control.options]
        else:
            sweeps[name] = list(range(control.min, control.max + 1))
    return playground, sweeps


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
    "05 network playground": network_playground,
    "08 optimizer-paths explorer": optimizer_paths_explorer,
    "09 convolution explorer": convolution_explorer,
    "10 gradient-flow explorer": gradient_flow_explorer,
    "11 attention-map viewer": attention_map_explorer,
}


def measure(factory: Callable, repeats: int) -> tuple[float, list[float]]:
    start = time.perf_counter()
    explorer, sweeps = factory()
    first = time.perf_counter() - start
    times, cpu_times = [], []
    for _ in range(repeats):
        for name, values in sweeps.items():
            initial = explorer.controls[name].value
            for value in values:
                cpu = time.process_time()
                explorer.set(**{name: value})
                cpu_times.append(time.process_time() - cpu)
                times.append(explorer.last_redraw_seconds)
            explorer.set(**{name: initial})
    return first, times, cpu_times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=2, help="sweeps over every control (default 2)")
    arguments = parser.parse_args()
    # CPU time is what the redraw costs this process: on a machine busy with other work it stays
    # close to what an idle machine's wall time would be, while wall time grows with the load.
    print(f"{'widget':<32}{'first draw':>12}{'redraws':>9}{'median':>10}{'slowest':>10}{'median CPU':>12}")
    for label, factory in WIDGETS.items():
        first, times, cpu_times = measure(factory, arguments.repeats)
        print(f"{label:<32}{first * 1000:>10.0f}ms{len(times):>9}{statistics.median(times) * 1000:>8.0f}ms"
              f"{max(times) * 1000:>8.0f}ms{statistics.median(cpu_times) * 1000:>10.0f}ms")


if __name__ == "__main__":
    main()

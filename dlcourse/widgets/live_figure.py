"""A matplotlib figure that redraws in place under ipywidgets controls.

The figure is rendered to PNG by matplotlib's Agg backend and shown in an ``ipywidgets.Image``.
A redraw changes the artists, renders once more, and swaps the image's bytes: the browser
replaces the picture in place, without clearing the output first, so there is no flicker and no
figure is created twice. When the notebook is executed without a browser (CI, ``make release``),
the widget's output also carries the PNG of its first state, which static views (exported HTML,
the committed solutions, a notebook reopened untrusted) show instead of the live widget.
"""

from __future__ import annotations

import base64
import io
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import ipywidgets as widgets
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine

__all__ = ["LiveFigure", "Explorer"]


class LiveFigure:
    """A matplotlib ``Figure`` (not managed by pyplot) displayed as an image widget.

    Args:
        nrows, ncols: the grid of axes, as in ``Figure.subplots``.
        figsize: width and height in inches.
        dpi: resolution of the PNG (80 keeps a redraw fast and the image light).
        freeze_layout: solve the constrained layout once, at the first rendering, and keep it.
        **subplot_kw: passed to ``Figure.subplots`` (e.g. ``sharey=True``).

    Attributes:
        figure: the matplotlib figure; draw on ``axes`` and call :meth:`redraw`.
        axes: one ``Axes`` or an array of them.
        image: the ``ipywidgets.Image`` showing the last rendering.
    """

    def __init__(self, nrows: int = 1, ncols: int = 1, figsize: tuple[float, float] = (6.4, 3.6),
                 dpi: int = 80, freeze_layout: bool = True, **subplot_kw: Any) -> None:
        self.figure = Figure(figsize=figsize, dpi=dpi, layout="constrained")
        self.freeze_layout = freeze_layout
        FigureCanvasAgg(self.figure)  # attaches itself to the figure; no GUI, no pyplot
        self.axes = self.figure.subplots(nrows, ncols, **subplot_kw)
        width = int(figsize[0] * dpi)
        self.image = widgets.Image(format="png", layout=widgets.Layout(width=f"{width}px", max_width="100%"))

    @property
    def layout_frozen(self) -> bool:
        """Whether the axes' positions are fixed (after the first rendering, when freezing)."""
        return not isinstance(self.figure.get_layout_engine(), ConstrainedLayoutEngine)

    def png(self) -> bytes:
        """Render the figure as it is now and return the PNG bytes."""
        buffer = io.BytesIO()
        # print_png renders once; Figure.savefig would draw the figure twice.
        self.figure.canvas.print_png(buffer)
        if self.freeze_layout and not self.layout_frozen:
            # The first rendering placed the axes; keep them there instead of solving the layout
            # again on every redraw (a third of the redraw time, and no jumping axes).
            self.figure.set_layout_engine("none")
        return buffer.getvalue()

    def redraw(self) -> None:
        """Render the figure and show the new picture in place of the old one."""
        self.image.value = self.png()


class Explorer:
    """Controls wired to a figure: the base of every widget of the course.

    Args:
        controls: name -> an ipywidgets control with a ``value`` (slider, dropdown, ...).
            The names are the keyword arguments ``draw`` receives.
        draw: ``draw(live_figure, **values)`` updates the figure's artists for the controls'
            current values. It may return a short text (HTML allowed), shown under the figure,
            e.g. the accuracies a setting reaches.
        live_figure: the figure to draw on.

    Every change of a control calls ``draw`` and redraws the figure in place.
    ``last_redraw_seconds`` records how long the last update took (draw + render).
    """

    def __init__(self, controls: Mapping[str, widgets.ValueWidget],
                 draw: Callable[..., str | None], live_figure: LiveFigure) -> None:
        self.controls = dict(controls)
        self.draw = draw
        self.live_figure = live_figure
        self.status = widgets.HTML()
        self.last_redraw_seconds = 0.0
        self._holding = False
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.widget = widgets.VBox(
            [widgets.HBox(list(self.controls.values()), layout=widgets.Layout(flex_flow="row wrap")),
             self.live_figure.image, self.status]
        )
        self.update()

    @property
    def values(self) -> dict[str, Any]:
        """The controls' current values, by name."""
        return {name: control.value for name, control in self.controls.items()}

    def set(self, **values: Any) -> None:
        """Set controls by name (as a student moving them would), redrawing once."""
        unknown = set(values) - set(self.controls)
        if unknown:
            raise ValueError(f"unknown controls {sorted(unknown)}; this widget has {sorted(self.controls)}")
        with self._held():
            for name, value in values.items():
                self.controls[name].value = value
        self.update()

    def update(self) -> None:
        """Draw for the current control values and redraw the figure in place."""
        start = time.perf_counter()
        text = self.draw(self.live_figure, **self.values)
        self.live_figure.redraw()
        self.status.value = text or ""
        self.last_redraw_seconds = time.perf_counter() - start

    def _on_change(self, change: dict) -> None:
        if not self._holding:
            self.update()

    @contextmanager
    def _held(self) -> Iterator[None]:
        """Change several controls without a redraw after each one."""
        self._holding = True
        try:
            yield
        finally:
            self._holding = False

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        # The live widget for JupyterLab, and its current picture for every static view.
        bundle = self.widget._repr_mimebundle_(**kwargs)
        bundle["image/png"] = base64.b64encode(self.live_figure.image.value).decode("ascii")
        return bundle

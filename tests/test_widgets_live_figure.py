"""The widget layer: controls redraw a figure in place, and static views get a picture."""

from __future__ import annotations

import base64

import ipywidgets as widgets
import numpy as np
import pytest

from course import chapters, read_notebook, view_path
from dlcourse.widgets.live_figure import Explorer, LiveFigure

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _wave_explorer():
    live = LiveFigure(figsize=(4, 2))
    t = np.linspace(0, 1, 100)
    (line,) = live.axes.plot(t, np.sin(2 * np.pi * t))
    calls = []

    def draw(live_figure, frequency, amplitude):
        calls.append((frequency, amplitude))
        line.set_ydata(amplitude * np.sin(2 * np.pi * frequency * t))
        return f"f={frequency} a={amplitude}"

    controls = {"frequency": widgets.IntSlider(value=1, min=1, max=5), "amplitude": widgets.FloatSlider(value=1.0)}
    return Explorer(controls, draw, live), line, calls


def test_the_first_state_is_drawn_on_creation():
    explorer, line, calls = _wave_explorer()
    assert calls == [(1, 1.0)]
    assert bytes(explorer.live_figure.image.value).startswith(PNG_SIGNATURE)
    assert explorer.status.value == "f=1 a=1.0"


def test_moving_a_control_redraws_the_same_figure():
    explorer, line, calls = _wave_explorer()
    figure, image, before = explorer.live_figure.figure, explorer.live_figure.image, bytes(explorer.live_figure.image.value)
    explorer.controls["frequency"].value = 3  # what a student's drag does
    assert calls[-1] == (3, 1.0)
    assert explorer.live_figure.image is image and explorer.live_figure.figure is figure
    assert bytes(image.value) != bytes(before) and bytes(image.value).startswith(PNG_SIGNATURE)
    np.testing.assert_allclose(line.get_ydata(), np.sin(2 * np.pi * 3 * np.linspace(0, 1, 100)))
    assert explorer.status.value == "f=3 a=1.0"
    assert explorer.last_redraw_seconds > 0


def test_setting_several_controls_redraws_once():
    explorer, line, calls = _wave_explorer()
    explorer.set(frequency=2, amplitude=0.5)
    assert calls == [(1, 1.0), (2, 0.5)]
    assert explorer.values == {"frequency": 2, "amplitude": 0.5}


def test_unknown_controls_are_named():
    explorer, _, _ = _wave_explorer()
    with pytest.raises(ValueError, match=r"unknown controls \['speed'\].*\['amplitude', 'frequency'\]"):
        explorer.set(speed=3)


def test_layout_is_solved_once_and_then_kept():
    explorer, _, _ = _wave_explorer()
    position = explorer.live_figure.axes.get_position().bounds
    assert explorer.live_figure.layout_frozen
    explorer.set(amplitude=40.0)  # longer tick labels would move a re-solved layout
    assert explorer.live_figure.axes.get_position().bounds == position


def test_static_views_get_the_current_picture():
    explorer, _, _ = _wave_explorer()
    explorer.set(frequency=4)
    bundle = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert base64.b64decode(bundle["image/png"]) == bytes(explorer.live_figure.image.value)


@pytest.mark.parametrize("chapter", chapters())
def test_every_widget_in_the_executed_solutions_shows_a_picture(chapter):
    """Executed headlessly (make release), a widget cell still carries its initial figure."""
    for cell in read_notebook(view_path("solutions", chapter))["cells"]:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "application/vnd.jupyter.widget-view+json" in data and "VBox" in str(data.get("text/plain")):
                assert base64.b64decode(data["image/png"]).startswith(PNG_SIGNATURE), (
                    f"{chapter}: widget cell {cell.get('id')} has no picture for static views"
                )

"""make release gives the same files for the same tree (dlcourse/grading/release.py)."""

from __future__ import annotations

import json
import uuid

import nbformat

from course import read_notebook, view_path
from dlcourse.grading.release import StableOutputs


def _executed_with_random_widget_ids() -> nbformat.NotebookNode:
    box, slider, layout = (uuid.uuid4().hex for _ in range(3))
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("explorer", id="explorer")
    cell.outputs = [nbformat.v4.new_output("display_data", data={
        "application/vnd.jupyter.widget-view+json": {"model_id": box, "version_major": 2, "version_minor": 0},
        "text/plain": "VBox(...)"})]
    nb.cells = [cell]
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {
        box: {"model_name": "VBoxModel", "state": {"children": [f"IPY_MODEL_{slider}"], "layout": f"IPY_MODEL_{layout}"}},
        slider: {"model_name": "FloatSliderModel", "state": {"layout": f"IPY_MODEL_{layout}"}},
        layout: {"model_name": "LayoutModel", "state": {}},
    }, "version_major": 2, "version_minor": 0}}
    return nb


def test_two_runs_with_different_random_widget_ids_give_the_same_notebook():
    resources = {"nbgrader": {"notebook": "00_welcome"}}
    first, _ = StableOutputs().preprocess(_executed_with_random_widget_ids(), resources)
    second, _ = StableOutputs().preprocess(_executed_with_random_widget_ids(), resources)
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)
    state = first.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    view = first.cells[0].outputs[0]["data"]["application/vnd.jupyter.widget-view+json"]["model_id"]
    assert view in state, "the view must still point at its model"
    box = state[view]["state"]
    assert box["children"][0].removeprefix("IPY_MODEL_") in state
    assert box["layout"].removeprefix("IPY_MODEL_") in state


def test_committed_solutions_use_stable_widget_ids():
    """The welcome chapter's explorer: its ids are the stable ones, not random ones."""
    import hashlib

    text = json.dumps(read_notebook(view_path("solutions", "00_welcome")))
    assert hashlib.md5(b"00_welcome-widget-0").hexdigest() in text


def test_printed_lines_split_by_flush_timing_are_merged():
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("print(1); print(2); plt.show(); print(3)", id="c")
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="1\n"),
                    nbformat.v4.new_output("stream", name="stdout", text="2\n"),
                    nbformat.v4.new_output("display_data", data={"text/plain": "<Figure>"}),
                    nbformat.v4.new_output("stream", name="stdout", text="3\n")]
    nb.cells = [cell]
    out, _ = StableOutputs().preprocess(nb, {})
    assert [o["output_type"] for o in out.cells[0].outputs] == ["stream", "display_data", "stream"]
    assert out.cells[0].outputs[0]["text"] == "1\n2\n"

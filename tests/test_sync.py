"""notebooks/ and solutions/ are exactly what nbgrader generates from source/ (`make release`)."""

from __future__ import annotations

import json

import pytest

from course import REPO, chapters, read_notebook, view_path
from dlcourse.grading import ScratchCourse

CHAPTERS = chapters()

# The same pipeline as `make release`, minus executing the solutions (their outputs are checked
# by nbval in test_execution.py), so that this test takes seconds.
NO_EXECUTION = """
from nbgrader.preprocessors import ClearMarkScheme, ClearOutput, IncludeHeaderFooter, LockCells
c.GenerateSolution.preprocessors = [IncludeHeaderFooter, LockCells, ClearOutput, ClearMarkScheme]
"""

STALE = "is stale: run `make release` and commit notebooks/ and solutions/"


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    course = ScratchCourse(tmp_path_factory.mktemp("sync"), REPO, CHAPTERS, extra_config=NO_EXECUTION)
    course.run("generate_solution", "*", "--force")
    return course.root


def _comparable_cells(notebook: dict) -> list[dict]:
    """What a regeneration determines: each cell's type, id, source and metadata."""
    cells = []
    for cell in notebook["cells"]:
        metadata = {k: v for k, v in cell.get("metadata", {}).items() if k != "execution"}
        source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
        cells.append({"cell_type": cell["cell_type"], "id": cell.get("id"), "source": source, "metadata": metadata})
    return cells


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_student_notebook_is_what_source_generates(regenerated, chapter):
    committed = view_path("notebooks", chapter)
    assert committed.exists(), f"notebooks/{chapter}/{chapter}.ipynb is missing: run `make release`"
    generated = regenerated / "notebooks" / chapter / f"{chapter}.ipynb"
    assert committed.read_bytes() == generated.read_bytes(), f"notebooks/{chapter}/{chapter}.ipynb {STALE}"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_solution_notebook_is_what_source_generates(regenerated, chapter):
    committed_path = view_path("solutions", chapter)
    assert committed_path.exists(), f"solutions/{chapter}/{chapter}.ipynb is missing: run `make release`"
    committed = read_notebook(committed_path)
    generated = json.loads((regenerated / "solutions" / chapter / f"{chapter}.ipynb").read_text())
    assert _comparable_cells(committed) == _comparable_cells(generated), f"solutions/{chapter}/{chapter}.ipynb {STALE}"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_solution_notebook_is_executed_without_errors(chapter):
    path = view_path("solutions", chapter)
    code = [cell for cell in read_notebook(path)["cells"] if cell["cell_type"] == "code"]
    unexecuted = [cell.get("id") for cell in code if cell.get("execution_count") is None]
    assert not unexecuted, f"{path.relative_to(REPO)} has unexecuted cells {unexecuted}: run `make release`"
    failed = [cell.get("id") for cell in code if any(o["output_type"] == "error" for o in cell.get("outputs", []))]
    assert not failed, f"{path.relative_to(REPO)} has cells that raised errors: {failed}"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_solution_notebook_stays_light(chapter):
    size = view_path("solutions", chapter).stat().st_size
    assert size < 2_000_000, f"solutions/{chapter} is {size / 1e6:.1f} MB: make its figures smaller"

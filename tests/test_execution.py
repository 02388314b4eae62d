"""Every solution notebook runs top to bottom under nbval, and the released student notebook fails
only in its exercise test cells."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import nbformat
import pytest
from nbclient import NotebookClient

from course import REPO, answer_cells, chapters, grading_cells, read_notebook, view_path

CHAPTERS = chapters()


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_solution_runs_top_to_bottom_under_nbval(chapter):
    """nbval in lax mode: every cell must run without error, and the outputs of cells tagged
    ``nbval-check-output`` must equal the committed ones."""
    path = view_path("solutions", chapter)
    start = time.perf_counter()
    process = subprocess.run(
        [sys.executable, "-m", "pytest", "-o", "addopts=", "--nbval-lax", "--nbval-current-env",
         "-p", "no:cacheprovider", "-q", str(path.relative_to(REPO))],
        cwd=REPO, capture_output=True, text=True,
    )
    elapsed = time.perf_counter() - start
    assert process.returncode == 0, f"nbval failed on {path.relative_to(REPO)}:\n{process.stdout[-6000:]}{process.stderr[-2000:]}"
    print(f"{chapter}: nbval ran the solution in {elapsed:.1f} s")


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_student_release_fails_only_in_exercise_tests(chapter):
    """Run the student notebook as released (every exercise unanswered): each test cell must
    fail, and every other cell (explanations' demos, figures, widgets) must run."""
    path = view_path("notebooks", chapter)
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=300, allow_errors=True, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    grade_ids = set(grading_cells(read_notebook(path)))
    answer_ids = set(answer_cells(read_notebook(path)))
    unexpected, passing_tests = [], []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        errors = [o for o in cell.outputs if o.output_type == "error"]
        if grade_id in grade_ids:
            if not errors:
                passing_tests.append(grade_id)
        elif errors:
            where = grade_id if grade_id in answer_ids else cell.get("id")
            unexpected.append(f"{where}: {errors[0].ename}: {errors[0].evalue}")
    assert not unexpected, f"{chapter}: cells outside the exercise tests fail in the student version:\n" + "\n".join(unexpected)
    assert not passing_tests, f"{chapter}: these test cells pass before anything is answered: {passing_tests}"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_student_notebook_answered_correctly_passes_every_visible_check(chapter, monkeypatch):
    """A student who answers every exercise correctly sees every visible check pass, in the notebook
    students get (no hidden tests) and the way the student edition's `make grade` runs it
    (``NBGRADER_EXECUTION`` set). Visible checks may not lean on code that only the hidden region
    defines, nor on a reference only the grader swaps in."""
    from course import master_path, solution_code, with_answers

    release = read_notebook(view_path("notebooks", chapter))
    master = read_notebook(master_path(chapter))
    answers = {grade_id: solution_code(cell) for grade_id, cell in answer_cells(master).items()}
    notebook = nbformat.reads(json.dumps(with_answers(release, answers)), as_version=4)
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    path = view_path("notebooks", chapter)
    NotebookClient(notebook, timeout=300, allow_errors=True, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    failing = [f"{cell.metadata.get('nbgrader', {}).get('grade_id') or cell.get('id')}: {error.ename}: "
               f"{error.evalue[:300]}"
               for cell in notebook.cells if cell.cell_type == "code"
               for error in [o for o in cell.outputs if o.output_type == "error"][:1]]
    assert not failing, f"{chapter}: with correct answers, these cells fail in the student's notebook:\n" + "\n".join(failing)

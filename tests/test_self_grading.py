"""A student grades their own notebooks with `make grade`: nbgrader's autograde with the hidden
tests, a score per exercise, and an HTML feedback page."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from course import REPO, read_notebook, solved_answers, view_path, with_answers

pytestmark = [pytest.mark.grading, pytest.mark.xdist_group("self-grading")]


def test_make_grade_scores_the_students_notebook(tmp_path):
    """As shipped, notebooks/ holds unanswered exercises: every test fails, and the student is
    told so, exercise by exercise."""
    process = subprocess.run(
        ["make", "grade", "CHAPTER=00_welcome", f"FEEDBACK={tmp_path}"],
        cwd=REPO, capture_output=True, text=True,
    )
    assert process.returncode == 0, process.stdout + process.stderr
    assert "FAIL test_standardize" in process.stdout and "0 / 2" in process.stdout, process.stdout
    assert (tmp_path / "00_welcome.html").is_file()


def test_a_solved_notebook_earns_full_marks(tmp_path):
    folder = tmp_path / "work" / "00_welcome"
    folder.mkdir(parents=True)
    solved = with_answers(read_notebook(view_path("notebooks", "00_welcome")), solved_answers("00_welcome"))
    (folder / "00_welcome.ipynb").write_text(json.dumps(solved))
    process = subprocess.run(
        [sys.executable, "-m", "dlcourse.grading", str(tmp_path / "work"), "--feedback", str(tmp_path / "feedback")],
        cwd=REPO, capture_output=True, text=True,
    )
    assert process.returncode == 0, process.stdout + process.stderr
    assert "ok   test_standardize" in process.stdout and "total" in process.stdout, process.stdout
    assert "2 / 2" in process.stdout, process.stdout
    page = (tmp_path / "feedback" / "00_welcome.html").read_text()
    assert "All checks of standardize passed" in page


def test_an_unknown_chapter_is_refused_with_the_list_of_chapters(tmp_path):
    process = subprocess.run(
        [sys.executable, "-m", "dlcourse.grading", "notebooks", "99_nothing"],
        cwd=REPO, capture_output=True, text=True,
    )
    assert process.returncode == 2
    assert "No such chapter: 99_nothing" in process.stderr and "00_welcome" in process.stderr


def test_grading_outside_the_repository_says_where_to_run_it(tmp_path):
    process = subprocess.run(
        [sys.executable, "-m", "dlcourse.grading"], cwd=tmp_path, capture_output=True, text=True,
    )
    assert process.returncode == 2
    assert "run this from the repository root" in process.stderr and "Traceback" not in process.stderr


@pytest.mark.parametrize("solved, verdict", [(False, "VALIDATION FAILED"), (True, "Success! Your notebook passes all the tests.")])
def test_validate_button_runs_the_visible_tests(tmp_path, solved, verdict):
    """The toolbar's Validate button is `nbgrader validate` on the notebook file."""
    notebook = read_notebook(view_path("notebooks", "00_welcome"))
    if solved:
        notebook = with_answers(notebook, solved_answers("00_welcome"))
    path = tmp_path / "00_welcome.ipynb"
    path.write_text(json.dumps(notebook))
    process = subprocess.run(
        [sys.executable, "-m", "nbgrader", "validate", str(path)],
        cwd=REPO, capture_output=True, text=True, env=_with_scripts_on_path(),
    )
    assert verdict in process.stdout, process.stdout + process.stderr


def _with_scripts_on_path():
    import os

    return dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")

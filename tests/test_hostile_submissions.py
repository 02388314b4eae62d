"""A malformed or hostile submission is reported, and the rest of the class is still graded.

One class of the welcome chapter (the quickest to run) is autograded with a solid student next to
every kind of trouble seen in real classes.
"""

from __future__ import annotations

import shutil
import socket

import pytest

from course import REPO, grading_cells, nbgrader_metadata, read_notebook, solved_answers, with_answers
from dlcourse.grading import ScratchCourse

CHAPTER = "00_welcome"
EXERCISE = "standardize"
TEST_CELL = f"test_{EXERCISE}"

pytestmark = [pytest.mark.grading, pytest.mark.xdist_group("hostile")]


def _without_test_cell(notebook):
    notebook["cells"] = [c for c in notebook["cells"] if nbgrader_metadata(c).get("grade_id") != TEST_CELL]
    return notebook


def _with_test_cell(notebook, source):
    for cell in notebook["cells"]:
        if nbgrader_metadata(cell).get("grade_id") == TEST_CELL:
            cell["source"] = source
    return notebook


def _with_schema(notebook, version):
    for cell in notebook["cells"]:
        if "nbgrader" in cell["metadata"]:
            cell["metadata"]["nbgrader"]["schema_version"] = version
    return notebook


def _graded_class(tmp_root):
    # A short cell timeout so the student with an endless loop costs seconds, not minutes.
    course = ScratchCourse(tmp_root, REPO, [CHAPTER], config=["--Execute.timeout=10"])
    release = read_notebook(course.release_notebook(CHAPTER))
    solved = solved_answers(CHAPTER)
    good = with_answers(release, solved)
    wrong = with_answers(release, {EXERCISE: "def standardize(X):\n    return X\n"})
    warning = solved[EXERCISE].replace(
        "    mean = X.mean(axis=0)",
        "    import warnings\n    warnings.warn('a harmless warning', UserWarning)\n    mean = X.mean(axis=0)",
    )
    submissions = {
        "good": good,
        "not_json": '{"cells": [ this is not a notebook',
        "empty_file": b"",
        "endless_loop": with_answers(release, {EXERCISE: "while True:\n    pass\n"}),
        "kills_kernel": with_answers(release, {EXERCISE: "import os\nos._exit(1)\n"}),
        "deleted_test": _without_test_cell(with_answers(release, {EXERCISE: "def standardize(X):\n    return X\n"})),
        "rewrote_test": _with_test_cell(wrong, "pass"),
        "old_metadata": _with_schema(with_answers(release, solved), 1),
        "future_metadata": _with_schema(with_answers(release, solved), 99),
        "warns": with_answers(release, {EXERCISE: warning}),
    }
    for student, notebook in submissions.items():
        course.submit(student.replace("_", "-"), CHAPTER, notebook)
    return course, course.autograde(CHAPTER)


@pytest.fixture(scope="session")
def graded_class(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    yield _graded_class(root)
    shutil.rmtree(root, ignore_errors=True)


def test_every_student_is_accounted_for(graded_class):
    _, grades = graded_class
    assert len(grades) == 10


def test_a_good_student_is_graded_in_spite_of_the_others(graded_class):
    _, grades = graded_class
    assert grades["good"].error is None
    assert grades["good"].scores == {TEST_CELL: 2.0}


@pytest.mark.parametrize("student, reason", [
    ("not-json", "JSON"),
    ("empty-file", "JSON"),
    ("kills-kernel", "Kernel died"),
])
def test_unreadable_or_crashing_notebooks_are_reported(graded_class, student, reason):
    _, grades = graded_class
    grade = grades[student]
    assert grade.error is not None and reason.lower() in grade.error.lower(), grade
    assert not grade.scores


def test_an_endless_loop_times_out_and_scores_zero(graded_class):
    _, grades = graded_class
    assert grades["endless-loop"].error is None
    assert grades["endless-loop"].scores == {TEST_CELL: 0.0}


def test_a_deleted_test_cell_is_restored_and_graded(graded_class):
    course, grades = graded_class
    assert grades["deleted-test"].scores == {TEST_CELL: 0.0}
    autograded = read_notebook(course.root / "autograded" / "deleted-test" / CHAPTER / f"{CHAPTER}.ipynb")
    assert TEST_CELL in grading_cells(autograded)


def test_a_rewritten_test_cell_is_replaced_by_the_instructors(graded_class):
    _, grades = graded_class
    assert grades["rewrote-test"].scores == {TEST_CELL: 0.0}


@pytest.mark.parametrize("student", ["old-metadata", "future-metadata"])
def test_damaged_nbgrader_metadata_does_not_stop_the_class(graded_class, student):
    _, grades = graded_class
    assert grades[student].error is None
    assert grades[student].scores == {TEST_CELL: 2.0}


def test_a_warning_in_a_correct_answer_costs_nothing(graded_class):
    course, grades = graded_class
    assert grades["warns"].scores == {TEST_CELL: 2.0}
    autograded = read_notebook(course.root / "autograded" / "warns" / CHAPTER / f"{CHAPTER}.ipynb")
    outputs = grading_cells(autograded)[TEST_CELL]["outputs"]
    shown = "".join("".join(o.get("text", "")) for o in outputs if o.get("name") == "stdout")
    assert "a harmless warning" in shown, "the warning should still be shown to the student, on stdout"


class _PortTakenOnFirstAttempt(ScratchCourse):
    """A course whose first ``autograde`` starts every kernel on a port another program holds,
    as when JupyterLab or a second grader starts a kernel at the same moment and wins the port."""

    def __init__(self, *args, taken_port: int, **kwargs):
        self.taken_port = taken_port
        self.autograde_runs = 0
        super().__init__(*args, **kwargs)

    def run(self, command, *arguments, check=True):
        if command == "autograde":
            self.autograde_runs += 1
            if self.autograde_runs == 1:
                # cache_ports=False: otherwise jupyter_client picks fresh ports and ignores this one.
                arguments = (*arguments, f"--KernelManager.shell_port={self.taken_port}",
                             "--KernelManager.cache_ports=False")
        return super().run(command, *arguments, check=check)


def test_a_kernel_that_loses_its_port_is_graded_again(tmp_path):
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        course = _PortTakenOnFirstAttempt(tmp_path, REPO, [CHAPTER], taken_port=holder.getsockname()[1])
        release = read_notebook(course.release_notebook(CHAPTER))
        course.submit("good", CHAPTER, with_answers(release, solved_answers(CHAPTER)))
        grades = course.autograde(CHAPTER)
    assert course.autograde_runs == 2, "the first attempt should have failed on the taken port, the second not"
    assert grades["good"].error is None
    assert grades["good"].scores == {TEST_CELL: 2.0}

"""The two ways a real class hands work in, end to end through nbgrader's own commands, on chapter
00_welcome (the quickest to grade). README_instructor_workflow.md documents the same commands.

- **LMS download**: the instructor downloads every submission from the learning-management system
  (Canvas here) as one zip of files named ``<name>_[late_]<user id>_<submission id>_<file>``, puts
  it in ``downloaded/00_welcome/archive/``, and ``nbgrader zip_collect 00_welcome`` files each
  notebook under the student id its name carries; then ``autograde``, ``generate_feedback`` and
  ``export``.
- **nbgrader's exchange** (a shared directory on one server, e.g. a JupyterHub): the instructor
  releases the chapter, each student fetches it into their own working directory, answers and
  submits; the instructor collects, grades and releases the feedback, which students fetch.

Each flow runs once (a module-scoped fixture), and the tests read what it left behind. The
instructor's course directory is a :class:`ScratchCourse`: the repository's ``nbgrader_config.py``
and ``source/``, with the chapter recorded in the gradebook, as ``make release`` leaves the
repository root.
"""

from __future__ import annotations

import csv
import html
import json
import os
import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from course import (MUTANTS, REPO, STANDARDIZE_FOR_THE_VISIBLE_EXAMPLES_ONLY, is_hidden_check_message, read_notebook, solved_answers,
                    source_text, with_answers)
from dlcourse.grading import ScratchCourse

pytestmark = [pytest.mark.grading, pytest.mark.xdist_group("class-workflow")]

CHAPTER = "00_welcome"
POINTS = 2  # test_standardize, the chapter's one graded cell

# -- the LMS download ---------------------------------------------------------------------------
# What the instructor adds to nbgrader_config.py (README_instructor_workflow.md shows the same
# lines). nbgrader matches the expression against each extracted file's whole path, hence ".*/".
LMS_CONFIG = r'''
# Submissions downloaded from Canvas: <name>_[late_]<user id>_<submission id>_<file>.ipynb, where
# Canvas adds -1, -2, ... to <file> when a student uploaded again. The student id is <name>.
c.FileNameCollectorPlugin.named_regexp = (
    r".*/(?P<student_id>[a-z]+)_(?:late_)?[0-9]+_[0-9]+_(?P<file_id>[0-9]{2}_[a-z0-9_]+?)(?:-[0-9]+)?\.ipynb$"
)
'''
SAMPLE_STD = (MUTANTS / CHAPTER / "standardize" / "sample_std.py").read_text()
# Canvas file name -> (student id zip_collect must find, answers, points the student earns)
LMS_DOWNLOAD = {
    "doejane_104233_5531001_00_welcome.ipynb": ("doejane", solved_answers(CHAPTER), POINTS),
    "roemax_late_104234_5531002_00_welcome.ipynb": ("roemax", {}, 0),
    "smithjohn_104235_5531003_00_welcome-1.ipynb": ("smithjohn", {"standardize": SAMPLE_STD}, 0),
}


@dataclass
class Run:
    """What one flow left behind: the instructor's course and every command's output."""

    course: ScratchCourse
    logs: dict[str, str] = field(default_factory=dict)
    work: dict[str, Path] = field(default_factory=dict)  # student -> working directory (exchange)

    def nbgrader(self, *arguments: str) -> None:
        process = self.course.run(*arguments)
        self.logs[" ".join(arguments)] = process.stdout + process.stderr


@pytest.fixture(scope="module")
def lms_class(tmp_path_factory) -> Run:
    root = tmp_path_factory.mktemp("lms-class")
    run = Run(ScratchCourse(root / "course", REPO, [CHAPTER], extra_config=LMS_CONFIG))
    release = read_notebook(run.course.release_notebook(CHAPTER))
    archive = run.course.root / "downloaded" / CHAPTER / "archive"
    archive.mkdir(parents=True)
    with zipfile.ZipFile(archive / "submissions.zip", "w") as download:
        for name, (_, answers, _) in LMS_DOWNLOAD.items():
            download.writestr(name, json.dumps(with_answers(release, answers), indent=1))
    for command in ("zip_collect", "autograde", "generate_feedback"):
        run.nbgrader(command, CHAPTER)
    run.nbgrader("export")
    return run


def _exported(run: Run) -> dict[str, dict[str, str]]:
    with open(run.course.root / "grades.csv", newline="") as file:
        return {row["student_id"]: row for row in csv.DictReader(file) if row["assignment"] == CHAPTER}


def test_lms_file_names_become_student_ids(lms_class):
    submitted = lms_class.course.root / "submitted"
    assert sorted(p.name for p in submitted.iterdir()) == sorted(s for s, _, _ in LMS_DOWNLOAD.values())
    release = read_notebook(lms_class.course.release_notebook(CHAPTER))
    for student, answers, _ in LMS_DOWNLOAD.values():
        collected = submitted / student / CHAPTER / f"{CHAPTER}.ipynb"
        assert read_notebook(collected) == with_answers(release, answers), student


def test_lms_class_is_graded_and_exported_with_a_status(lms_class):
    rows = _exported(lms_class)
    assert set(rows) == {student for student, _, _ in LMS_DOWNLOAD.values()}
    for student, _, points in LMS_DOWNLOAD.values():
        assert rows[student]["status"] == "graded", rows[student]
        assert float(rows[student]["raw_score"]) == points, rows[student]
        assert float(rows[student]["max_score"]) == POINTS, rows[student]


def test_lms_feedback_says_what_to_fix(lms_class):
    feedback = lms_class.course.root / "feedback"
    pages = {student: _page_text(feedback / student / CHAPTER / f"{CHAPTER}.html")
             for student, _, _ in LMS_DOWNLOAD.values()}
    assert "All checks of standardize passed" in pages["doejane"]
    assert "NotImplementedError" in pages["roemax"]
    assert "sample standard deviation" in pages["smithjohn"]
    for student, page in pages.items():
        _assert_no_hidden_tests(page, student)


# -- nbgrader's exchange ------------------------------------------------------------------------
# student -> (answers, points). bob's answer passes the visible tests and fails the hidden ones,
# so his feedback page is the one that would quote the hidden tests if anything did.
EXCHANGE_STUDENTS = {
    "alice": (solved_answers(CHAPTER), POINTS),
    "bob": ({"standardize": STANDARDIZE_FOR_THE_VISIBLE_EXAMPLES_ONLY}, 0),
}


def _exchange_config(exchange: Path) -> str:
    """What every participant's nbgrader configuration says about the exchange: where it is (the
    course id, "dlcourse", is already in the course's nbgrader_config.py)."""
    return f"c.Exchange.root = {str(exchange)!r}\n"


def _student_config(exchange: Path, student: str) -> str:
    """A student's ~/.jupyter/nbgrader_config.py. On a JupyterHub the administrator writes the first
    two lines once for everybody (/etc/jupyter/nbgrader_config.py), and nbgrader takes the student
    id from the Unix account. These students share one account (the test's), so each names
    their own id. Nothing else is needed as root: every permission check the exchange makes passes,
    and Exchange.path_includes_course (./dlcourse/00_welcome instead of ./00_welcome) only matters
    to a student who takes several courses in one directory."""
    return (_exchange_config(exchange) + 'c.CourseDirectory.course_id = "dlcourse"\n'
            f"c.CourseDirectory.student_id = {student!r}\n")


def _as_student(home: Path, work: Path, *arguments: str) -> str:
    """``nbgrader <arguments>`` as a student: their HOME (their configuration and nbgrader's
    cache of their submissions), run in their working directory."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("JUPYTER_", "NBGRADER_", "XDG_")) and k not in ("JPY_PARENT_PID",)}
    env.update(HOME=str(home), PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    process = subprocess.run([sys.executable, "-m", "nbgrader", *arguments], cwd=work, env=env,
                             capture_output=True, text=True)
    assert process.returncode == 0, f"nbgrader {' '.join(arguments)} failed:\n{process.stdout}\n{process.stderr}"
    return process.stdout + process.stderr


@pytest.fixture(scope="module")
def exchange_class(tmp_path_factory) -> Run:
    root = tmp_path_factory.mktemp("exchange-class")
    exchange = root / "exchange"
    run = Run(ScratchCourse(root / "instructor", REPO, [CHAPTER], extra_config=_exchange_config(exchange)))
    run.nbgrader("release_assignment", CHAPTER)
    for student, (answers, _) in EXCHANGE_STUDENTS.items():
        home, work = root / student / "home", root / student / "work"
        (home / ".jupyter").mkdir(parents=True)
        work.mkdir()
        (home / ".jupyter" / "nbgrader_config.py").write_text(_student_config(exchange, student))
        run.logs[f"{student}: fetch_assignment"] = _as_student(home, work, "fetch_assignment", CHAPTER)
        notebook = work / CHAPTER / f"{CHAPTER}.ipynb"
        notebook.write_text(json.dumps(with_answers(read_notebook(notebook), answers), indent=1))
        run.logs[f"{student}: submit"] = _as_student(home, work, "submit", CHAPTER)
        run.work[student] = work
    for command in ("collect", "autograde", "generate_feedback", "release_feedback"):
        run.nbgrader(command, CHAPTER)
    for student in EXCHANGE_STUDENTS:
        home, work = root / student / "home", run.work[student]
        run.logs[f"{student}: fetch_feedback"] = _as_student(home, work, "fetch_feedback", CHAPTER)
    return run


def test_exchange_hands_each_student_the_release(exchange_class):
    release = read_notebook(exchange_class.course.release_notebook(CHAPTER))
    for student in EXCHANGE_STUDENTS:
        fetched = read_notebook(exchange_class.work[student] / CHAPTER / f"{CHAPTER}.ipynb")
        # The student's copy is the release with their answers: no other cell changed on the way.
        assert [c["source"] for c in fetched["cells"]] == [
            c["source"] for c in with_answers(release, EXCHANGE_STUDENTS[student][0])["cells"]], student


def test_exchange_collects_and_grades_each_student(exchange_class):
    from nbgrader.api import Gradebook

    submitted = exchange_class.course.root / "submitted"
    assert sorted(p.name for p in submitted.iterdir()) == sorted(EXCHANGE_STUDENTS)
    with Gradebook(f"sqlite:///{exchange_class.course.root / 'gradebook.db'}") as gradebook:
        for student, (_, points) in EXCHANGE_STUDENTS.items():
            submission = gradebook.find_submission(CHAPTER, student)
            assert (submission.score, submission.max_score) == (points, POINTS), student
            # collect kept the time of the student's submit, which fetch_feedback matches on.
            assert (submitted / student / CHAPTER / "timestamp.txt").is_file()


def test_students_fetch_their_feedback_without_the_hidden_tests(exchange_class):
    for student in EXCHANGE_STUDENTS:
        pages = list((exchange_class.work[student] / CHAPTER / "feedback").glob(f"*/{CHAPTER}.html"))
        assert len(pages) == 1, (student, exchange_class.logs[f"{student}: fetch_feedback"])
        page = _page_text(pages[0])
        _assert_no_hidden_tests(page, student)
        if student == "alice":
            assert "All checks of standardize passed" in page
        else:
            # Failed in a hidden check: the page gives its message, not its code.
            failure = page[page.index("CheckFailed: standardize("):][:400] if "CheckFailed: standardize(" in page else page[-3000:]
            assert is_hidden_check_message(failure), failure


# -- reading feedback pages ---------------------------------------------------------------------
def _page_text(path: Path) -> str:
    """The text a reader sees on an HTML page: nbconvert splits highlighted code into many spans."""
    page = re.sub(r"<(script|style)\b.*?</\1>", "", path.read_text(), flags=re.S | re.I)
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def _test_cell_lines(hidden: bool) -> list[str]:
    """The master's test_standardize lines inside (``hidden``) or outside the hidden-test region."""
    master = read_notebook(REPO / "source" / CHAPTER / f"{CHAPTER}.ipynb")
    cell = next(c for c in master["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == "test_standardize")
    region = re.search(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", source_text(cell), re.S).group(1)
    lines = region if hidden else source_text(cell).replace(region, "")
    return [line.strip() for line in lines.splitlines() if len(line.strip()) > 15 and "###" not in line]


def _assert_no_hidden_tests(page: str, student: str) -> None:
    hidden, visible = _test_cell_lines(hidden=True), _test_cell_lines(hidden=False)
    assert len(hidden) >= 4 and visible
    # The page shows the test cell's code (so the extraction works) but not its hidden region.
    assert all(line in page for line in visible[:3]), f"{student}: the page does not show the visible checks"
    quoted = [line for line in hidden if line in page]
    assert not quoted, f"{student}'s feedback shows hidden test code: {quoted}"

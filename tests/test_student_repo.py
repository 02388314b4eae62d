"""`make student-repo DEST=<dir>`: the repository an instructor hands to students.

It must hold what a student works with (notebooks/, the package, the tools), nothing that gives
answers away (source/, solutions/, tests/: masters, worked solutions, hidden tests, recorded
mutants), and still work: `make grade` there grades a student's notebook with the visible tests.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from course import (REPO, STANDARDIZE_FOR_THE_VISIBLE_EXAMPLES_ONLY, is_hidden_check_message, read_notebook, solved_answers, source_text,
                    view_path, with_answers)
from dlcourse.grading import ScratchCourse

pytestmark = [pytest.mark.grading, pytest.mark.xdist_group("student-repo")]

CHAPTER = "00_welcome"
HANDED_OUT = ["notebooks", "dlcourse", "Makefile", "pyproject.toml", "requirements.lock", "environment.yml",
              "nbgrader_config.py", "README.md"]
KEPT_BACK = ["source", "solutions", "tests", ".ci", "benchmarks"]
# A region's marker line, as nbgrader writes it in a master.
MARKER_LINE = re.compile(r"^[ \t]*### (BEGIN|END) (SOLUTION|HIDDEN TESTS)[ \t]*$", re.M)
REGION = re.compile(r"^[ \t]*### BEGIN (SOLUTION|HIDDEN TESTS)[ \t]*\n(.*?)^[ \t]*### END \1", re.M | re.S)


@pytest.fixture(scope="module")
def student_repo(tmp_path_factory) -> Path:
    destination = tmp_path_factory.mktemp("handout") / "student-repo"
    process = subprocess.run(["make", "student-repo", f"DEST={destination}"], cwd=REPO, capture_output=True, text=True)
    assert process.returncode == 0, process.stdout + process.stderr
    return destination


def _make(repo: Path, *arguments: str) -> subprocess.CompletedProcess:
    """``make`` in the student repository with the course's installed environment: a student's
    make installs its own .venv first, which the test does not repeat (``-o``: never rebuild it)."""
    venv = REPO / ".venv"
    return subprocess.run(["make", "-o", f"{venv}/.installed", f"VENV={venv}", *arguments],
                          cwd=repo, capture_output=True, text=True)


def _texts(repo: Path) -> dict[Path, str]:
    """Every file's text (a notebook's: its cells' sources)."""
    texts = {}
    for path in sorted(repo.rglob("*")):
        if not path.is_file():
            continue
        if path.suffix == ".ipynb":
            texts[path] = "\n".join(source_text(cell) for cell in read_notebook(path)["cells"])
        else:
            try:
                texts[path] = path.read_text()
            except UnicodeDecodeError:
                continue
    return texts


def _normalized(text: str) -> str:
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _master_regions(kind: str) -> list[tuple[str, str]]:
    """(chapter, normalized body) of every ``kind`` region ("SOLUTION", "HIDDEN TESTS") in source/."""
    regions = []
    for master in sorted((REPO / "source").glob("*/*.ipynb")):
        for cell in read_notebook(master)["cells"]:
            regions += [(master.stem, _normalized(m.group(2)))
                        for m in REGION.finditer(source_text(cell)) if m.group(1) == kind]
    return regions


def test_it_holds_what_students_work_with_and_nothing_kept_back(student_repo):
    present = sorted(p.name for p in student_repo.iterdir())
    assert all((student_repo / name).exists() for name in HANDED_OUT), present
    assert not [name for name in KEPT_BACK if (student_repo / name).exists()], present
    chapters = sorted(p.name for p in (REPO / "notebooks").iterdir() if p.is_dir())
    for chapter in chapters:
        handed = student_repo / "notebooks" / chapter / f"{chapter}.ipynb"
        assert handed.read_bytes() == view_path("notebooks", chapter).read_bytes(), chapter
    assert not list(student_repo.rglob("__pycache__")), "caches were copied"


def test_no_solution_or_hidden_test_is_handed_out(student_repo):
    texts = _texts(student_repo)
    markers = [f"{path.relative_to(student_repo)}: {m.group(0).strip()}"
               for path, text in texts.items() for m in MARKER_LINE.finditer(text)]
    assert not markers
    hidden = _master_regions("HIDDEN TESTS")
    assert len(hidden) >= 10, "the masters' hidden tests were not found: is REGION still nbgrader's syntax?"
    normalized = {path: _normalized(text) for path, text in texts.items()}
    leaked = [(chapter, path.relative_to(student_repo)) for chapter, body in hidden
              for path, text in normalized.items() if body in text]
    assert not leaked, f"hidden tests found in the student repository: {leaked}"
    # The package implements some exercises' formulas itself (demos after an exercise call it), so
    # solutions are looked for where they would give an exercise away: the notebooks and README.
    solutions = _master_regions("SOLUTION")
    leaked = [(chapter, path.relative_to(student_repo)) for chapter, body in solutions
              for path, text in normalized.items() if body in text and path.suffix in (".ipynb", ".md")]
    assert not leaked, f"solutions found in the student repository: {leaked}"


def test_readme_is_the_student_part(student_repo):
    readme = (student_repo / "README.md").read_text()
    for section in ("## Two commands", "## For students", "## Chapters", "## This repository"):
        assert section in readme
    for instructor_only in ("## For instructors", "## For CI", "## Adding a chapter", "solutions/", "make test",
                            "hidden tests included"):
        assert instructor_only not in readme, instructor_only
    assert "make grade CHAPTER=01_linear_regression_mle" in readme


def test_make_grade_in_the_student_repo_grades_a_solved_notebook(student_repo, tmp_path):
    """What a student does: answer the exercise in notebooks/, save, `make grade`."""
    notebook = student_repo / "notebooks" / CHAPTER / f"{CHAPTER}.ipynb"
    original = notebook.read_text()
    notebook.write_text(json.dumps(with_answers(json.loads(original), solved_answers(CHAPTER))))
    try:
        process = _make(student_repo, "grade", f"CHAPTER={CHAPTER}", f"FEEDBACK={tmp_path}")
    finally:
        notebook.write_text(original)
    assert process.returncode == 0, process.stdout + process.stderr
    assert "graded with the visible tests" in process.stdout, process.stdout
    assert re.search(r"ok +test_standardize +2 / 2", process.stdout), process.stdout
    assert re.search(r"total +2 / 2", process.stdout), process.stdout
    assert "All checks of standardize passed" in (tmp_path / f"{CHAPTER}.html").read_text()


def test_the_student_grader_knows_only_the_visible_tests(student_repo, tmp_path):
    """The student repository's grade counts the visible tests only; the instructor's counts the
    hidden ones too. An answer tuned to the visible examples shows the difference."""
    graded = {}
    for side, repository in (("student", student_repo), ("instructor", REPO)):
        course = ScratchCourse(tmp_path / side, repository, [CHAPTER])
        release = read_notebook(course.release_notebook(CHAPTER))
        course.submit("tuned", CHAPTER, with_answers(release, {"standardize": STANDARDIZE_FOR_THE_VISIBLE_EXAMPLES_ONLY}))
        graded[side] = course.autograde(CHAPTER)["tuned"]
    student, instructor = graded["student"], graded["instructor"]
    assert student.error is None and instructor.error is None, (student.error, instructor.error)
    assert student.scores["test_standardize"] == student.max_scores["test_standardize"] == 2
    assert instructor.scores["test_standardize"] == 0
    assert is_hidden_check_message(instructor.messages["test_standardize"]), instructor.messages


def test_instructor_targets_explain_themselves_in_the_student_repo(student_repo):
    for target, missing in (("test", "tests/"), ("release", "source/"), ("student-repo", "source/")):
        process = _make(student_repo, target, "DEST=elsewhere")
        assert process.returncode != 0, target
        assert f"there is no {missing} here" in process.stdout and "make grade" in process.stdout, process.stdout


def test_make_student_repo_refuses_a_directory_in_use(tmp_path):
    (tmp_path / "homework.txt").write_text("mine")
    process = subprocess.run(["make", "student-repo", f"DEST={tmp_path}"], cwd=REPO, capture_output=True, text=True)
    assert process.returncode != 0
    assert "is not empty" in process.stderr and (tmp_path / "homework.txt").read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["homework.txt"]

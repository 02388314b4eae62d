"""Grade notebooks with nbgrader's own ``autograde``, in a scratch course directory.

This is the grader an instructor runs, packaged so that anyone can run it without setting up a
course: it copies the repository's ``nbgrader_config.py`` and ``source/`` into a temporary
directory, lets ``nbgrader generate_assignment`` record every test cell and its points in a fresh
gradebook, puts the notebooks to grade in ``submitted/<student>/<chapter>/``, and runs
``nbgrader autograde`` and ``nbgrader generate_feedback``. Scores are read back from the gradebook
through nbgrader's API.

Students: ``make grade`` (or ``python -m dlcourse.grading notebooks [CHAPTER]``) grades the
notebooks in ``notebooks/`` and writes HTML feedback to ``my_feedback/``. In the student repository
an instructor hands out (``make student-repo``) there is no ``source/``: the masters are then the
student versions in ``notebooks/``, so the grade counts the visible tests only. Those masters are
the student's own files: a test cell edited there is graded as edited, which only fools its author;
the instructor's grading restores every test cell from the real masters.

The test-suite grades the worked solutions, the blank student release and recorded wrong answers
("mutants") with the same :class:`ScratchCourse`.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["ScratchCourse", "SubmissionGrade", "find_repository", "masters_folder", "main"]

# Student ids become directory names and database keys; keep them plain.
_STUDENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
_FAILED_STUDENT = re.compile(r"There was an error processing assignment '([^']*)' for student '([^']*)'")
_KERNEL_PORT_TAKEN = "Address already in use"
KERNEL_START_RETRIES = 3


def masters_folder(repository: Path) -> Path:
    """Where the grader takes each chapter's master from: ``source/`` (the instructor's masters,
    with solutions and hidden tests) or, in a student repository (``make student-repo``) which has
    no ``source/``, ``notebooks/``: the student versions, whose test cells hold the visible tests
    only. A student who grades there is graded by those."""
    for name in ("source", "notebooks"):
        if (Path(repository) / name).is_dir():
            return Path(repository) / name
    raise FileNotFoundError(f"no source/ or notebooks/ in {repository}")


def find_repository(start: Path | None = None) -> Path:
    """The course repository: the nearest directory at or above ``start`` with
    ``nbgrader_config.py`` and masters (``source/``, or ``notebooks/`` in a student repository)."""
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if (candidate / "nbgrader_config.py").is_file() and (
                (candidate / "source").is_dir() or (candidate / "notebooks").is_dir()):
            return candidate
    raise FileNotFoundError(
        f"no course repository (nbgrader_config.py and source/ or notebooks/) at or above {here}; "
        "run this from the repository root"
    )


@dataclass
class SubmissionGrade:
    """The autograded result of one student's notebook for one chapter."""

    student: str
    chapter: str
    scores: dict[str, float] = field(default_factory=dict)  # test cell grade_id -> points earned
    max_scores: dict[str, float] = field(default_factory=dict)  # test cell grade_id -> points possible
    messages: dict[str, str] = field(default_factory=dict)  # test cell grade_id -> its error, if it failed
    error: str | None = None  # why the notebook could not be graded ("not graded: <reason>")
    notes: str = ""  # what the grader noted on a graded run (time limits hit, output cut, no sandbox)
    sandboxed: bool | None = None

    @property
    def total(self) -> float:
        return sum(self.scores.values())

    @property
    def max_total(self) -> float:
        return sum(self.max_scores.values())


def _nbgrader_environment() -> dict[str, str]:
    """Environment for nbgrader subprocesses: this Python's scripts first on PATH (nbgrader
    calls ``alembic`` and starts kernels by name), and no inherited grading markers."""
    env = dict(os.environ)
    scripts = str(Path(sys.executable).parent)
    env["PATH"] = scripts + os.pathsep + env.get("PATH", "")
    env.pop("NBGRADER_EXECUTION", None)
    env.pop("NBGRADER_VALIDATING", None)
    return env


class ScratchCourse:
    """A throw-away nbgrader course directory built from the repository's masters.

    Args:
        root: an empty (or missing) directory to build the course in.
        repository: the course repository (with ``nbgrader_config.py`` and ``source/``; a student
            repository has ``notebooks/`` instead, see :func:`masters_folder`).
        chapters: the chapters (subdirectory names of the masters' folder) to set up.
        config: extra nbgrader options for every command, e.g. ``["--Execute.timeout=20"]``.
        extra_config: Python lines appended to the copied ``nbgrader_config.py``.
    """

    def __init__(
        self,
        root: Path,
        repository: Path,
        chapters: list[str],
        config: list[str] | None = None,
        extra_config: str = "",
    ) -> None:
        self.root = Path(root)
        self.repository = Path(repository)
        self.config = list(config or [])
        self.chapters = list(chapters)
        self.root.mkdir(parents=True, exist_ok=True)
        config_text = (self.repository / "nbgrader_config.py").read_text()
        (self.root / "nbgrader_config.py").write_text(config_text + ("\n" + extra_config if extra_config else ""))
        masters = masters_folder(self.repository)
        for chapter in self.chapters:
            source = masters / chapter
            if not source.is_dir():
                raise FileNotFoundError(f"no chapter {chapter!r} in {masters}")
            shutil.copytree(source, self.root / "source" / chapter, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        # Records every chapter's test cells and points in the gradebook, as an instructor would.
        # One command for all of them: each nbgrader command costs seconds just to start.
        self.run("generate_assignment", "*", "--force")

    # -- nbgrader commands --------------------------------------------------------------------
    def run(self, command: str, *arguments: str, check: bool = True) -> subprocess.CompletedProcess:
        """Run ``nbgrader <command> <arguments>`` in the course directory."""
        process = subprocess.run(
            [sys.executable, "-m", "nbgrader", command, *arguments, *self.config],
            cwd=self.root,
            env=_nbgrader_environment(),
            capture_output=True,
            text=True,
        )
        if check and process.returncode != 0:
            raise RuntimeError(
                f"nbgrader {command} {' '.join(arguments)} failed with exit code {process.returncode}:\n"
                f"{process.stdout}\n{process.stderr}"
            )
        return process

    def coursedir(self):
        """nbgrader's view of this course directory (paths of submitted/, autograded/, ...)."""
        from nbgrader.coursedir import CourseDirectory

        return CourseDirectory(root=str(self.root))

    def release_notebook(self, chapter: str) -> Path:
        """The student version nbgrader generated here (the config's release directory is
        ``notebooks``, as in the repository)."""
        return self.root / "notebooks" / chapter / f"{chapter}.ipynb"

    def submit(self, student: str, chapter: str, notebook: dict | str | bytes | Path) -> Path:
        """Place a student's notebook (a notebook dict, raw file content, or a path) in
        ``submitted/<student>/<chapter>/<chapter>.ipynb``."""
        if not _STUDENT_ID.match(student):
            raise ValueError(f"student id {student!r} must be letters, digits, '_' or '-'")
        target = self.root / "submitted" / student / chapter / f"{chapter}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(notebook, dict):
            target.write_text(json.dumps(notebook, indent=1))
        elif isinstance(notebook, Path):
            shutil.copyfile(notebook, target)
        elif isinstance(notebook, bytes):
            target.write_bytes(notebook)
        else:
            target.write_text(notebook)
        return target

    def autograde(self, chapter: str) -> dict[str, SubmissionGrade]:
        """Autograde every submission of ``chapter``; return each student's grades.

        A submission nbgrader cannot process (not a notebook, a kernel that dies) is reported in
        its ``error`` and gets no scores; the other students are graded all the same.
        """
        process = self.run("autograde", chapter, "--force", check=False)
        log = process.stdout + process.stderr
        errors = _failed_students(log, chapter)
        students = sorted(p.name for p in (self.root / "submitted").iterdir() if (p / chapter).is_dir())
        if process.returncode != 0 and not errors:
            raise RuntimeError(f"nbgrader autograde {chapter} failed for the whole class:\n{log}")
        # A kernel picks its ports before it binds them, so a kernel that another program starts
        # at the same moment (JupyterLab, a second grader) can take one first. That failure says
        # nothing about the notebook: grade it again, a few times at most.
        for _ in range(KERNEL_START_RETRIES):
            unlucky = sorted(student for student, error in errors.items() if _KERNEL_PORT_TAKEN in error)
            if not unlucky:
                break
            for student in unlucky:
                retry = self.run("autograde", chapter, "--force", f"--student={student}", check=False)
                errors.pop(student)
                errors.update(_failed_students(retry.stdout + retry.stderr, chapter))
        return {student: self._read_grades(student, chapter, errors.get(student)) for student in students}

    def _read_grades(self, student: str, chapter: str, error: str | None) -> SubmissionGrade:
        from nbgrader.api import Gradebook, MissingEntry

        from .status import submission_outcome

        result = SubmissionGrade(student=student, chapter=chapter)
        outcome = submission_outcome(self.coursedir(), chapter, student, [chapter])
        result.sandboxed = outcome.sandboxed
        if not outcome.graded:
            # The grader's own record says why (tampering, a dead kernel); nbgrader's log is
            # the fallback for failures that happened before the grader ran.
            result.error = outcome.reason if "see the autograde log" not in outcome.reason or error is None else error
            return result
        result.notes = outcome.reason
        if error is not None:
            result.error = error
            return result
        with Gradebook(f"sqlite:///{self.root / 'gradebook.db'}") as gradebook:
            try:
                submission = gradebook.find_submission_notebook(chapter, chapter, student)
            except MissingEntry:
                result.error = "nbgrader recorded no grades for this notebook"
                return result
            for grade in submission.grades:
                if grade.cell_type != "code":
                    continue
                result.scores[grade.name] = float(grade.score or 0.0)
                result.max_scores[grade.name] = float(grade.max_score)
        result.messages = _test_cell_errors(self.root / "autograded" / student / chapter / f"{chapter}.ipynb")
        return result

    def generate_feedback(self, chapter: str) -> dict[str, Path]:
        """Write nbgrader's HTML feedback; return each graded student's feedback page."""
        self.run("generate_feedback", chapter, "--force")
        pages = {}
        for page in sorted((self.root / "feedback").glob(f"*/{chapter}/{chapter}.html")):
            pages[page.parent.parent.name] = page
        return pages

    def export(self) -> list[dict[str, str]]:
        """Run ``nbgrader export`` and return the rows of its grades CSV."""
        self.run("export", "--to=grades.csv")
        with open(self.root / "grades.csv", newline="") as file:
            return list(csv.DictReader(file))


_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _test_cell_errors(autograded: Path) -> dict[str, str]:
    """grade_id -> the last line of the error each failing test cell raised (what to fix)."""
    try:
        cells = json.loads(autograded.read_text())["cells"]
    except (OSError, ValueError, KeyError):
        return {}
    messages = {}
    for cell in cells:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        for output in cell.get("outputs", []):
            if grade_id and output.get("output_type") == "error":
                name, value = output.get("ename", "Error"), _ANSI.sub("", str(output.get("evalue", ""))).strip()
                if name == "NotImplementedError" and not value:
                    value = "this exercise is not answered yet"
                messages[grade_id] = f"{name}: {value}" if value else name
                break
    return messages


def _failed_students(log: str, chapter: str) -> dict[str, str]:
    """student -> why nbgrader could not autograde their ``chapter`` notebook, from its log."""
    return {student: _failure_reason(log, student)
            for assignment, student in _FAILED_STUDENT.findall(log) if assignment == chapter}


def _failure_reason(log: str, student: str) -> str:
    """The error nbgrader logged while it processed ``student``'s notebook."""
    lines = log.splitlines()
    for index, line in enumerate(lines):
        if f"/{student}/" in line and ("error" in line.lower() or "Sanitizing" in line):
            for following in lines[index:index + 60]:
                if re.match(r"^\s*[A-Za-z_.]*(Error|Exception)\b.*:", following.strip()):
                    return following.strip()
    return "nbgrader could not process this notebook (see its log)"


# -- the student's command ----------------------------------------------------------------------
def _grade_my_notebooks(repository: Path, folder: Path, chapters: list[str], feedback_dir: Path) -> int:
    masters = masters_folder(repository)
    available = sorted(p.name for p in masters.iterdir() if (p / f"{p.name}.ipynb").is_file())
    if not chapters:
        chapters = [c for c in available if (folder / c / f"{c}.ipynb").is_file()]
    unknown = [c for c in chapters if c not in available]
    if unknown:
        print(f"No such chapter: {', '.join(unknown)}. Chapters: {', '.join(available)}", file=sys.stderr)
        return 2
    missing = [c for c in chapters if not (folder / c / f"{c}.ipynb").is_file()]
    if missing:
        print(f"Not found: {', '.join(str(folder / c / (c + '.ipynb')) for c in missing)}", file=sys.stderr)
        return 2
    if not chapters:
        print(f"No chapter notebooks in {folder}/", file=sys.stderr)
        return 2

    feedback_dir.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="dlcourse-grade-") as scratch:
        print(f"Setting up the grader for {', '.join(chapters)}...")
        if masters.name != "source":
            print("(A student repository: graded with the visible tests; your instructor's grading "
                  "adds hidden tests.)")
        course = ScratchCourse(Path(scratch), repository, chapters)
        for chapter in chapters:
            course.submit("me", chapter, folder / chapter / f"{chapter}.ipynb")
        for chapter in chapters:
            print(f"\n{chapter}: grading (runs the whole notebook)...")
            grade = course.autograde(chapter)["me"]
            if grade.error:
                print(f"  NOT GRADED: {grade.error}")
                continue
            for cell, score in grade.scores.items():
                mark = "ok  " if score == grade.max_scores[cell] else "FAIL"
                print(f"  {mark} {cell:<40} {score:g} / {grade.max_scores[cell]:g}")
                if cell in grade.messages and score != grade.max_scores[cell]:
                    print(textwrap.indent(textwrap.fill(grade.messages[cell], width=96), " " * 10))
            print(f"  {'':4} {'total':<40} {grade.total:g} / {grade.max_total:g}")
            if grade.notes:
                print(textwrap.indent(textwrap.fill(f"note: {grade.notes}", width=96), "  "))
            page = course.generate_feedback(chapter).get("me")
            if page is not None:
                target = feedback_dir / f"{chapter}.html"
                shutil.copyfile(page, target)
                print(f"  feedback with every test's output: {target}")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["class"]:  # the instructor's command: a whole class, in parallel
        from .classroom import main as grade_class_main

        return grade_class_main(argv[1:])
    if argv[:1] == ["report"]:  # the instructor's page of what the class got wrong
        from .report import main as report_main

        return report_main(argv[1:])
    parser = argparse.ArgumentParser(
        prog="python -m dlcourse.grading",
        description="Grade your chapter notebooks with the course's nbgrader autograder "
        "(hidden tests included) and write HTML feedback.",
    )
    parser.add_argument("folder", nargs="?", default="notebooks", help="folder with NN_slug/NN_slug.ipynb (default: notebooks)")
    parser.add_argument("chapters", nargs="*", help="chapters to grade (default: every chapter found)")
    parser.add_argument("--feedback", default="my_feedback", help="where to write the HTML feedback (default: my_feedback)")
    arguments = parser.parse_args(argv)
    try:
        repository = find_repository()
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return _grade_my_notebooks(repository, Path(arguments.folder).resolve(), arguments.chapters,
                               Path(arguments.feedback).resolve())


if __name__ == "__main__":
    sys.exit(main())

"""Grade a whole class: every submission, on every local core or on a Dask cluster, into the
instructor's real gradebook.

nbgrader's ``autograde`` grades one notebook after another. This command grades several
submissions at a time: each worker process loads nbgrader and the course's configuration once,
then runs nbgrader's own autograde (``NbGraderAPI.autograde``, what the formgrader calls) for one
student after another, in the instructor's course directory. Each submission goes through exactly
the pipeline the configuration sets up (sandbox, screen, guard, records) and lands in the same
``gradebook.db``: the formgrader, ``generate_feedback`` and ``export`` work unchanged afterwards.
(A separate ``nbgrader autograde --student`` process per submission would pay nbgrader's start-up,
seconds, every time: that made two workers only 1.2x faster than one.)

- **Resumable**: a submission is graded again only when it is new, changed since its last
  grading, or was not graded (``--force`` grades all).
- **Progress**: a bar with the count, the rate and an estimate of the time left.
- **Beyond one machine**: ``--scheduler tcp://HOST:8786`` sends the submissions to the workers of a
  running Dask cluster (``dask scheduler``; ``dask worker tcp://HOST:8786`` on each machine). Every
  worker needs the course environment and the course directory at the same path (a shared file
  system), since it runs the same nbgrader command there.

Usage, from the course directory::

    python -m dlcourse.grading class 01_linear_regression_mle            # all local cores
    python -m dlcourse.grading class 01_linear_regression_mle --workers 4
    python -m dlcourse.grading class 01_linear_regression_mle --scheduler tcp://10.0.0.5:8786
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from .status import read_statuses

__all__ = ["ClassResult", "submissions_to_grade", "grade_class", "grade_one", "main"]

# Two graders that write gradebook.db at the same moment can meet SQLite's lock: grade again.
_RETRY_SIGNS = ("database is locked", "Address already in use")
RETRIES = 3


@dataclass
class ClassResult:
    graded: list[str]
    not_graded: dict[str, str]  # student -> reason
    skipped: list[str]  # up to date, not graded again
    seconds: float


_GRADERS: dict[tuple[str, tuple[str, ...]], object] = {}  # one nbgrader API per worker process


def _grader(course: str, extra: tuple[str, ...]):
    """nbgrader's API for ``course`` with its nbgrader_config.py (and ``extra`` options), made
    once per process. A worker grades in the course directory, as ``nbgrader`` itself would."""
    key = (course, extra)
    if key not in _GRADERS:
        os.chdir(course)
        # nbgrader runs helper programs (alembic) by name: this environment's first.
        os.environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")
        os.environ.pop("NBGRADER_EXECUTION", None)
        from nbgrader.apps.api import NbGraderAPI
        from nbgrader.apps.nbgraderapp import NbGraderApp

        app = NbGraderApp()
        app.initialize(list(extra))
        _GRADERS[key] = NbGraderAPI(coursedir=app.coursedir, config=app.config)
    return _GRADERS[key]


def grade_one(course: str, assignment: str, student: str, extra: tuple[str, ...] = ()) -> tuple[str, int, str]:
    """Autograde one student's submission in ``course``; return (student, 0 or 1, log tail).
    Runs where it is called: in a local worker process, or on a Dask worker."""
    grader = _grader(course, tuple(extra))
    for _ in range(RETRIES):
        result = grader.autograde(assignment, student, force=True)
        log = result.get("log", "") + result.get("error", "")
        if not any(sign in log for sign in _RETRY_SIGNS):
            break
    return student, 0 if result.get("success") else 1, log[-4000:]


def submissions_to_grade(course: Path, assignment: str, force: bool = False) -> tuple[list[str], list[str]]:
    """(students to grade, students whose grading is up to date)."""
    submitted = Path(course) / "submitted"
    students = sorted(p.name for p in submitted.iterdir() if (p / assignment).is_dir()) if submitted.is_dir() else []
    if force:
        return students, []
    todo, done = [], []
    for student in students:
        records = read_statuses(course, assignment, student)
        newest = max((f.stat().st_mtime for f in (submitted / student / assignment).rglob("*") if f.is_file()), default=0)
        if records and all(r.graded for r in records) and min(r.written_at for r in records) >= newest:
            done.append(student)
        else:
            todo.append(student)
    return todo, done


def _outcome(course: Path, assignment: str, student: str, code: int, log: str) -> str | None:
    """None when graded; otherwise why not."""
    records = read_statuses(course, assignment, student)
    failed = [r for r in records if not r.graded]
    if failed:
        return "; ".join(r.reason for r in failed)
    if code != 0 or not records:
        # The notebook never reached the grader (not a notebook, no notebook): say why, as export does.
        from nbgrader.coursedir import CourseDirectory

        from .status import submission_outcome

        notebooks = sorted(p.stem for p in (course / "source" / assignment).glob("*.ipynb")) or [assignment]
        outcome = submission_outcome(CourseDirectory(root=str(course)), assignment, student, notebooks)
        if not outcome.graded:
            return outcome.reason
        lines = [line for line in log.splitlines() if "ERROR" in line]
        return lines[0].strip() if lines else f"nbgrader autograde exited with {code}"
    return None


def grade_class(course: Path | str, assignment: str, *, workers: int | None = None, scheduler: str | None = None,
                force: bool = False, extra: tuple[str, ...] = (), progress: bool = True) -> ClassResult:
    """Grade every submission of ``assignment`` that needs it (see the module docstring)."""
    from tqdm.auto import tqdm

    course = Path(course).resolve()
    todo, skipped = submissions_to_grade(course, assignment, force)
    started = time.monotonic()
    result = ClassResult(graded=[], not_graded={}, skipped=skipped, seconds=0.0)
    bar = tqdm(total=len(todo), desc=f"grading {assignment}", unit="submission", disable=not progress)

    def record(student: str, code: int, log: str) -> None:
        reason = _outcome(course, assignment, student, code, log)
        if reason is None:
            result.graded.append(student)
        else:
            result.not_graded[student] = reason
        bar.update(1)

    if scheduler:
        from dask.distributed import Client, as_completed as dask_completed

        with Client(scheduler) as client:
            futures = client.map(grade_one, [str(course)] * len(todo), [assignment] * len(todo), todo,
                                 [tuple(extra)] * len(todo), pure=False)
            for future in dask_completed(futures):
                record(*future.result())
    else:
        workers = workers or os.cpu_count() or 1
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(grade_one, str(course), assignment, student, tuple(extra)) for student in todo]
            for future in as_completed(futures):
                record(*future.result())
    bar.close()
    result.graded.sort()
    result.seconds = round(time.monotonic() - started, 2)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dlcourse.grading class",
                                     description="Grade every submission of a chapter in parallel into gradebook.db.")
    parser.add_argument("assignment", help="the chapter, e.g. 01_linear_regression_mle")
    parser.add_argument("--workers", type=int, default=None, help="submissions graded at once (default: every core)")
    parser.add_argument("--scheduler", default=None, help="a Dask scheduler address: grade on its workers instead")
    parser.add_argument("--force", action="store_true", help="grade every submission again, even those up to date")
    parser.add_argument("--course", default=".", help="the course directory (default: here)")
    arguments = parser.parse_args(argv)
    course = Path(arguments.course).resolve()
    if not (course / "nbgrader_config.py").is_file():
        print(f"error: {course} has no nbgrader_config.py: run this from the course directory", file=sys.stderr)
        return 2
    result = grade_class(course, arguments.assignment, workers=arguments.workers, scheduler=arguments.scheduler,
                         force=arguments.force)
    total = len(result.graded) + len(result.not_graded)
    rate = f", {result.seconds / total:.1f} s per submission" if total else ""
    print(f"{arguments.assignment}: {len(result.graded)} graded, {len(result.not_graded)} NOT graded, "
          f"{len(result.skipped)} up to date (not graded again) in {result.seconds:.0f} s{rate}")
    for student, reason in sorted(result.not_graded.items()):
        print(f"  NOT GRADED {student}: {reason}")
    return 0

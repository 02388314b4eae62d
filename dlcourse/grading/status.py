"""What happened to each submission: graded, or not graded and why.

nbgrader's gradebook records points, not whether a notebook could be graded at all: a notebook
whose kernel died, that was not valid JSON, or whose code tampered with the grader ends with no
grades, and ``nbgrader export`` writes it as 0.0, like a real zero. The course's grader writes one
small JSON record per submitted notebook beside the gradebook instead::

    <course>/grading_status/<assignment>/<student>/<notebook>.json

with ``status`` (``"graded"`` or ``"not graded"``), the ``reason`` in words, whether the kernel was
sandboxed, and what the run cost. The export plugin, ``make grade`` and the test suite read these
records; an instructor can too.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

__all__ = ["GradingStatus", "status_path", "write_status", "read_status", "read_statuses", "GRADED", "NOT_GRADED"]

GRADED = "graded"
NOT_GRADED = "not graded"
STATUS_DIRECTORY = "grading_status"


@dataclass
class GradingStatus:
    assignment: str
    student: str
    notebook: str
    status: str  # GRADED or NOT_GRADED
    reason: str = ""  # why not graded; or notes on a graded run (cells that timed out, output cut)
    sandboxed: bool | None = None  # None: the notebook never reached a kernel
    seconds: float | None = None
    notes: list[str] = field(default_factory=list)
    written_at: float = field(default_factory=time.time)

    @property
    def graded(self) -> bool:
        return self.status == GRADED

    def describe(self) -> str:
        return "graded" if self.graded else f"not graded: {self.reason}"


def status_path(root: Path | str, assignment: str, student: str, notebook: str) -> Path:
    return Path(root) / STATUS_DIRECTORY / assignment / student / f"{notebook}.json"


def write_status(root: Path | str, status: GradingStatus) -> Path:
    path = status_path(root, status.assignment, status.student, status.notebook)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(asdict(status), indent=1))
    temporary.replace(path)
    return path


def read_status(root: Path | str, assignment: str, student: str, notebook: str) -> GradingStatus | None:
    path = status_path(root, assignment, student, notebook)
    try:
        return GradingStatus(**json.loads(path.read_text()))
    except (OSError, ValueError, TypeError):
        return None


def read_statuses(root: Path | str, assignment: str, student: str) -> list[GradingStatus]:
    """Every notebook's record of one submission (empty when it was never graded)."""
    folder = Path(root) / STATUS_DIRECTORY / assignment / student
    records = []
    for path in sorted(folder.glob("*.json")):
        try:
            records.append(GradingStatus(**json.loads(path.read_text())))
        except (OSError, ValueError, TypeError):
            continue
    return records


def clear_statuses(root: Path | str, assignment: str, student: str) -> None:
    """Forget earlier records of a submission that is about to be graded again."""
    folder = Path(root) / STATUS_DIRECTORY / assignment / student
    for path in folder.glob("*.json"):
        path.unlink(missing_ok=True)


def submission_outcome(coursedir, assignment: str, student: str, notebooks: list[str]) -> GradingStatus:
    """Graded or not graded (and why) for one student's submission of ``assignment``, combining the
    records the grader wrote with what is on disk for notebooks that never reached the grader."""
    root = Path(coursedir.root)
    reasons, notes, sandboxed = [], [], True
    for notebook in notebooks:
        submitted = Path(coursedir.format_path(coursedir.submitted_directory, student, assignment)) / f"{notebook}.ipynb"
        autograded = Path(coursedir.format_path(coursedir.autograded_directory, student, assignment)) / f"{notebook}.ipynb"
        record = read_status(root, assignment, student, notebook)
        stale = record is not None and submitted.exists() and submitted.stat().st_mtime > record.written_at
        if record is not None and not stale:
            if not record.graded:
                reasons.append(record.reason if len(notebooks) == 1 else f"{notebook}: {record.reason}")
            elif record.reason:
                notes.append(record.reason)
            sandboxed = sandboxed and bool(record.sandboxed)
            continue
        if not submitted.exists():
            reasons.append(f"no {notebook}.ipynb was submitted")
        elif not autograded.exists():
            try:
                json.loads(submitted.read_text())
            except (ValueError, UnicodeDecodeError) as error:
                reasons.append(f"{notebook}.ipynb is not a valid notebook file ({error})")
            else:
                reasons.append(f"nbgrader could not process {notebook}.ipynb (see the autograde log)")
        else:
            notes.append(f"{notebook}: graded by a grader that kept no record")
    status = GradingStatus(assignment, student, ",".join(notebooks), NOT_GRADED if reasons else GRADED,
                           reason="; ".join(reasons or notes), sandboxed=sandboxed)
    return status

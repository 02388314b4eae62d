"""How long the instructor's class report takes to build for a large class.

Grades a simulated class of one chapter for real (tests/simulated_class.py: the chapter's recorded
mutants packed into submissions, a solution, a blank, two submissions that cannot be graded), then
copies those graded submissions to ``--students`` students (each copy gets the gradebook rows,
autograded notebook and grading record of its original, through nbgrader's own Gradebook API),
and times ``python -m dlcourse.grading report`` on that class.

    python benchmarks/class_report.py --chapter 02_logistic_regression_gd --students 300
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from simulated_class import simulated_class  # noqa: E402

from dlcourse.grading import ScratchCourse  # noqa: E402
from dlcourse.grading.classroom import grade_class  # noqa: E402
from dlcourse.grading.status import STATUS_DIRECTORY  # noqa: E402


def replicate(root: Path, chapter: str, students: int) -> None:
    """Copy every graded (or refused) submission of ``chapter`` until the class has ``students``."""
    from nbgrader.api import Gradebook

    originals = sorted(p.name for p in (root / "submitted").iterdir())
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gradebook:
        graded = {s.student_id: s for s in gradebook.find_assignment(chapter).submissions}
        for index in range(students - len(originals)):
            original = originals[index % len(originals)]
            student = f"s{index:04d}-{original}"
            for folder in ("submitted", "autograded", STATUS_DIRECTORY):
                source = root / folder / chapter / original if folder == STATUS_DIRECTORY else root / folder / original
                if source.is_dir():
                    target = (root / folder / chapter / student if folder == STATUS_DIRECTORY
                              else root / folder / student)
                    shutil.copytree(source, target)
            for record in (root / STATUS_DIRECTORY / chapter / student).glob("*.json"):
                data = json.loads(record.read_text())
                record.write_text(json.dumps(dict(data, student=student)))
            if original not in graded:
                continue
            gradebook.add_student(student)
            copy = gradebook.add_submission(chapter, student)
            grades = {(notebook.name, g.name): g for notebook in graded[original].notebooks for g in notebook.grades}
            for notebook in copy.notebooks:
                for grade in notebook.grades:
                    source = grades[(notebook.name, grade.name)]
                    grade.auto_score, grade.manual_score = source.auto_score, source.manual_score
                    grade.needs_manual_grade = source.needs_manual_grade
            gradebook.db.commit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chapter", default="02_logistic_regression_gd")
    parser.add_argument("--students", type=int, default=300)
    parser.add_argument("--keep", default=None, help="build the class in this directory and keep it "
                        "(a directory kept by an earlier run is reused as it is)")
    arguments = parser.parse_args()
    root = Path(arguments.keep or tempfile.mkdtemp(prefix="bench-report-"))
    try:
        if (root / "reports").is_dir():
            return report(root, arguments)
        course = ScratchCourse(root, REPO, [arguments.chapter])
        known = simulated_class(arguments.chapter)
        for student, notebook in known.submissions.items():
            course.submit(student, arguments.chapter, notebook)
        started = time.monotonic()
        grade_class(root, arguments.chapter, progress=False)
        print(f"graded {len(known.submissions)} distinct submissions in {time.monotonic() - started:.0f} s")
        replicate(root, arguments.chapter, arguments.students)
        report(root, arguments)
    finally:
        if not arguments.keep:
            shutil.rmtree(root, ignore_errors=True)


def report(root: Path, arguments: argparse.Namespace) -> None:
    command = [sys.executable, "-m", "dlcourse.grading", "report", arguments.chapter, "--course", str(root)]
    for attempt in range(3):
        started = time.monotonic()
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip()
        print(f"report for {arguments.students} students, run {attempt + 1}: "
              f"{time.monotonic() - started:.1f} s wall (process start included); {output}")


if __name__ == "__main__":
    main()

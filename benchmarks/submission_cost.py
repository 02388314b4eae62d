"""What one autograded submission costs, chapter by chapter.

Grades a few solved notebooks of every chapter with nbgrader's autograde (sandbox, screen and
guard on, as configured) and prints, per chapter, the median time from kernel start to the last
cell (from the grader's records) and the wall time per submission of the whole autograde run.

    python benchmarks/submission_cost.py --students 3
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from course import chapters, read_notebook, solved_answers, with_answers  # noqa: E402

from dlcourse.grading import ScratchCourse  # noqa: E402
from dlcourse.grading.status import read_statuses  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=3, help="solved notebooks per chapter")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-submission-") as root:
        root = Path(root)
        course = ScratchCourse(root, REPO, chapters())
        for chapter in chapters():
            solved = with_answers(read_notebook(course.release_notebook(chapter)), solved_answers(chapter))
            for index in range(arguments.students):
                course.submit(f"s{index}", chapter, solved)
        for chapter in chapters():
            start = time.monotonic()
            grades = course.autograde(chapter)
            wall = (time.monotonic() - start) / arguments.students
            assert all(g.error is None and g.total == g.max_total for g in grades.values()), grades
            notebook = statistics.median(r.seconds for s in grades for r in read_statuses(root, chapter, s))
            print(f"{chapter:<32} notebook {notebook:5.1f} s (median, kernel start to last cell); "
                  f"{wall:5.1f} s per submission in nbgrader autograde")


if __name__ == "__main__":
    main()

"""What the sandbox costs per graded notebook: the same class autograded with and without it.

    python benchmarks/sandbox_cost.py --students 6 --chapter 00_welcome

Prints the mean and median seconds per notebook from the grader's own records (kernel start to
last cell) and the wall time of each autograde run.
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

from course import read_notebook, solved_answers, with_answers  # noqa: E402

from dlcourse.grading import ScratchCourse  # noqa: E402
from dlcourse.grading.status import read_statuses  # noqa: E402


def measure(chapter: str, students: int, mode: str) -> tuple[list[float], float]:
    with tempfile.TemporaryDirectory(prefix=f"bench-sandbox-{mode}-") as root:
        course = ScratchCourse(Path(root), REPO, [chapter], config=[f"--SandboxedKernelManager.mode={mode}"])
        solved = with_answers(read_notebook(course.release_notebook(chapter)), solved_answers(chapter))
        for index in range(students):
            course.submit(f"s{index}", chapter, solved)
        start = time.monotonic()
        grades = course.autograde(chapter)
        wall = time.monotonic() - start
        assert all(g.error is None and g.total == g.max_total for g in grades.values()), grades
        seconds = [r.seconds for s in grades for r in read_statuses(course.root, chapter, s)]
        assert all(r.sandboxed == (mode != "off") for s in grades for r in read_statuses(course.root, chapter, s))
        return seconds, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=6)
    parser.add_argument("--chapter", default="00_welcome")
    arguments = parser.parse_args()
    rows = {}
    for mode in ("off", "required"):
        rows[mode] = measure(arguments.chapter, arguments.students, mode)
    for mode, (seconds, wall) in rows.items():
        label = "sandboxed" if mode == "required" else "no sandbox"
        print(f"{arguments.chapter} {label:<11} per notebook: mean {statistics.mean(seconds):.2f} s, "
              f"median {statistics.median(seconds):.2f} s; autograde of {arguments.students}: {wall:.1f} s")
    cost = statistics.median(rows["required"][0]) - statistics.median(rows["off"][0])
    print(f"sandbox cost per notebook (median): {cost:+.2f} s")


if __name__ == "__main__":
    main()

"""How long grading a class takes: per submission by chapter, sequential vs parallel vs Dask.

Builds a scratch course, fills it with a simulated class (solved, blank and wrong notebooks, in
turn) for each chapter given, then grades it three ways into the real gradebook:

1. sequential: nbgrader's own ``nbgrader autograde CHAPTER`` (one notebook after another);
2. parallel: ``python -m dlcourse.grading class`` on this machine's cores;
3. Dask: the same through a local ``dask scheduler`` and two ``dask worker`` processes.

It checks that the three give the same grades, and prints the per-submission cost by chapter, the
speed-ups, and the projected time for 300 students x 13 chapters on a 16-core server.

    python benchmarks/class_grading.py --students 20 --chapters 00_welcome 02_logistic_regression_gd
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from course import mutants, read_notebook, solved_answers, with_answers  # noqa: E402

from dlcourse.grading import ScratchCourse  # noqa: E402
from dlcourse.grading.classroom import grade_class  # noqa: E402


def simulated_class(course: ScratchCourse, chapter: str, students: int) -> None:
    release = read_notebook(course.release_notebook(chapter))
    solved = solved_answers(chapter)
    wrong = mutants(chapter)
    for index in range(students):
        kind = index % 3
        if kind == 0:
            notebook = with_answers(release, solved)
        elif kind == 1:
            notebook = release
        else:
            mutant = wrong[index % len(wrong)] if wrong else None
            notebook = with_answers(release, {**solved, **({mutant.exercise: mutant.code} if mutant else {})})
        course.submit(f"s{index:03d}", chapter, notebook)


def grades(course: ScratchCourse, chapter: str) -> dict:
    students = sorted(p.name for p in (course.root / "submitted").iterdir() if (p / chapter).is_dir())
    return {s: course._read_grades(s, chapter, None).scores for s in students}


def build(root: Path, chapters: list[str], students: int) -> ScratchCourse:
    course = ScratchCourse(root, REPO, chapters)
    for chapter in chapters:
        simulated_class(course, chapter, students)
    return course


def start_dask(folder: Path) -> tuple[str, list[subprocess.Popen]]:
    env = dict(os.environ, PATH=str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""))
    file = folder / "scheduler.json"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": env}
    processes = [subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                                   "--port", "0", "--no-dashboard", "--scheduler-file", str(file)], **quiet)]
    while not (file.exists() and file.stat().st_size):
        time.sleep(0.1)
    address = json.loads(file.read_text())["address"]
    for name in ("w1", "w2"):
        processes.append(subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", address,
                                           "--nthreads", "1", "--name", name, "--no-dashboard"], **quiet))
    from dask.distributed import Client

    with Client(address) as client:
        client.wait_for_workers(2, timeout=60)
    return address, processes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=20, help="submissions per chapter")
    parser.add_argument("--chapters", nargs="+", default=["00_welcome", "02_logistic_regression_gd"])
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    arguments = parser.parse_args()
    chapters, n = arguments.chapters, arguments.students
    with tempfile.TemporaryDirectory(prefix="bench-class-") as scratch:
        scratch = Path(scratch)
        timings: dict[str, dict[str, float]] = {}
        results = {}
        course = build(scratch / "sequential", chapters, n)
        for chapter in chapters:
            start = time.monotonic()
            course.autograde(chapter)
            timings.setdefault("sequential", {})[chapter] = time.monotonic() - start
        results["sequential"] = {c: grades(course, c) for c in chapters}

        course = build(scratch / "parallel", chapters, n)
        for chapter in chapters:
            result = grade_class(course.root, chapter, workers=arguments.workers, progress=False)
            timings.setdefault("parallel", {})[chapter] = result.seconds
        results["parallel"] = {c: grades(course, c) for c in chapters}

        address, processes = start_dask(scratch)
        try:
            course = build(scratch / "dask", chapters, n)
            for chapter in chapters:
                result = grade_class(course.root, chapter, scheduler=address, progress=False)
                timings.setdefault("dask (2 workers)", {})[chapter] = result.seconds
            results["dask (2 workers)"] = {c: grades(course, c) for c in chapters}
        finally:
            for process in processes:
                process.terminate()

    same = all(results[way] == results["sequential"] for way in results)
    print(f"class of {n} submissions per chapter, {os.cpu_count()} cores, parallel workers = {arguments.workers}")
    print(f"{'chapter':<32}" + "".join(f"{way:>20}" for way in timings))
    for chapter in chapters:
        print(f"{chapter:<32}" + "".join(f"{timings[way][chapter] / n:>17.2f} s/sub" for way in timings))
    total = {way: sum(t.values()) for way, t in timings.items()}
    for way in timings:
        print(f"speed-up of {way} over sequential: {total['sequential'] / total[way]:.2f}x")
    per_submission = total["sequential"] / (n * len(chapters))
    hours = 300 * 13 * per_submission / 16 / 3600 * 1.1  # 16 workers, 10% scheduling overhead
    print(f"same grades all ways: {same}")
    print(f"projected: 300 students x 13 chapters at {per_submission:.1f} s per submission on 16 cores "
          f"~ {hours:.1f} h (sequential: {300 * 13 * per_submission / 3600:.1f} h)")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()

"""A whole class graded in parallel into the real gradebook: on local cores and on a Dask cluster,
with the same grades as nbgrader's own sequential autograde, resumable."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from course import REPO, read_notebook, solved_answers, with_answers
from dlcourse.grading import ScratchCourse
from dlcourse.grading.classroom import grade_class

CHAPTER = "00_welcome"
pytestmark = [pytest.mark.grading, pytest.mark.xdist_group("class-grading")]


def _class(release: dict) -> dict[str, dict | str]:
    solved = solved_answers(CHAPTER)
    wrong = "import numpy as np\n\ndef standardize(X):\n    return X - X.mean(axis=0)\n"
    return {
        "ada": with_answers(release, solved),
        "ben": release,
        "cem": with_answers(release, {"standardize": wrong}),
        "dia": with_answers(release, solved),
        "eve": "this is not a notebook",
    }


def _course(root: Path) -> ScratchCourse:
    course = ScratchCourse(root, REPO, [CHAPTER])
    for student, notebook in _class(read_notebook(course.release_notebook(CHAPTER))).items():
        course.submit(student, CHAPTER, notebook)
    return course


def _grades(course: ScratchCourse) -> dict[str, object]:
    students = sorted(p.name for p in (course.root / "submitted").iterdir())
    out = {}
    for student in students:
        grade = course._read_grades(student, CHAPTER, None)
        out[student] = ("not graded", bool(grade.error)) if grade.error else grade.scores
    return out


@pytest.fixture(scope="module")
def sequential(tmp_path_factory):
    course = _course(tmp_path_factory.mktemp("sequential"))
    course.autograde(CHAPTER)
    yield _grades(course)
    shutil.rmtree(course.root, ignore_errors=True)


def test_parallel_grading_matches_sequential_and_resumes(tmp_path, sequential):
    course = _course(tmp_path)
    result = grade_class(course.root, CHAPTER, workers=2, progress=False)
    assert sorted(result.graded) == ["ada", "ben", "cem", "dia"]
    assert list(result.not_graded) == ["eve"] and "not a valid notebook" in result.not_graded["eve"]
    assert _grades(course) == sequential
    assert sequential["ada"] == {"test_standardize": 2.0} and sequential["cem"] == {"test_standardize": 0.0}

    # A second run grades nothing that is up to date; a changed submission is graded again.
    time.sleep(0.05)
    path = course.root / "submitted" / "ben" / CHAPTER / f"{CHAPTER}.ipynb"
    notebook = json.loads(path.read_text())
    path.write_text(json.dumps(with_answers(notebook, solved_answers(CHAPTER))))
    process = subprocess.run([sys.executable, "-m", "dlcourse.grading", "class", CHAPTER, "--workers", "2",
                              "--course", str(course.root)], capture_output=True, text=True, cwd=tmp_path)
    assert process.returncode == 0, process.stderr
    assert "1 graded, 1 NOT graded, 3 up to date" in process.stdout, process.stdout
    assert "NOT GRADED eve: " in process.stdout
    assert _grades(course)["ben"] == {"test_standardize": 2.0}


def _start(command: list[str], **kwargs) -> subprocess.Popen:
    env = dict(os.environ, PATH=str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""))
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, **kwargs)


def test_a_dask_cluster_grades_the_class_into_the_same_gradebook(tmp_path, sequential):
    """A real local Dask scheduler and two workers, each its own process."""
    scheduler_file = tmp_path / "scheduler.json"
    processes = [_start([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0",
                         "--no-dashboard", "--scheduler-file", str(scheduler_file)])]
    try:
        for _ in range(300):
            if scheduler_file.exists() and scheduler_file.stat().st_size:
                break
            time.sleep(0.1)
        address = json.loads(scheduler_file.read_text())["address"]
        for name in ("w1", "w2"):
            processes.append(_start([sys.executable, "-m", "distributed.cli.dask_worker", address, "--nthreads", "1",
                                     "--nworkers", "1", "--name", name, "--no-dashboard"]))
        from dask.distributed import Client

        with Client(address) as client:
            client.wait_for_workers(2, timeout=60)
            assert len(client.scheduler_info()["workers"]) == 2
        course = _course(tmp_path / "course")
        result = grade_class(course.root, CHAPTER, scheduler=address, progress=False)
        assert sorted(result.graded) == ["ada", "ben", "cem", "dia"] and list(result.not_graded) == ["eve"]
        assert _grades(course) == sequential
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)

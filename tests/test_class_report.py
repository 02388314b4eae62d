"""The instructor's report of what the class got wrong (``python -m dlcourse.grading report``).

A simulated class is built from chapter 02's recorded mutants, whose mistakes are known
(tests/simulated_class.py), graded with the real pipeline (the parallel class grader on nbgrader),
and the report must count every mistake category exactly as often as the class contains it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from course import REPO, solved_answers
from dlcourse.grading import ScratchCourse
from dlcourse.grading.classroom import grade_class
from dlcourse.grading.report import NOT_ANSWERED, collect_chapter, exercise_titles, outcomes_of_test_cells, write_report
from simulated_class import NOT_GRADED, simulated_class

CHAPTER = "02_logistic_regression_gd"
ARTIFACTS = REPO / "test-artifacts" / "report"
CHROMIUM = Path(os.environ.get("DLCOURSE_CHROMIUM", "/usr/bin/chromium"))


# -- reading one autograded notebook (no grading needed) -------------------------------------------------
def _test_cell(grade_id: str, outputs: list[dict]) -> dict:
    return {"cell_type": "code", "metadata": {"nbgrader": {"grade": True, "solution": False, "grade_id": grade_id,
                                                           "points": 2}}, "source": "", "outputs": outputs}


def _error(ename: str, evalue: str) -> dict:
    return {"output_type": "error", "ename": ename, "evalue": evalue, "traceback": []}


def test_each_failed_test_cell_is_read_as_one_mistake_identifier():
    notebook = {"cells": [
        {"cell_type": "markdown", "metadata": {}, "source": "### Exercise 2.1 · derive · ★★ — The slope"},
        {"cell_type": "code", "metadata": {"nbgrader": {"solution": True, "grade": False, "grade_id": "slope"}},
         "source": "", "outputs": []},
        _test_cell("test_slope", [{"output_type": "stream", "name": "stdout", "text": "All checks passed."}]),
        _test_cell("test_tagged", [_error("CheckFailed", "\x1b[0;31mf(x) returned 2. Average. [mistake: sums-not-mean]")]),
        _test_cell("test_untagged", [_error("CheckFailed", "an older check's words")]),
        _test_cell("test_stub", [_error("NotImplementedError", "")]),
        _test_cell("test_crash", [_error("ZeroDivisionError", "division by zero")]),
        {"cell_type": "code", "metadata": {"nbgrader": {"solution": True, "grade": True, "grade_id": "both"}},
         "source": "", "outputs": [_error("ValueError", "not a test cell")]},
    ]}
    outcomes = {o.exercise: o for o in outcomes_of_test_cells(notebook)}
    assert set(outcomes) == {"slope", "tagged", "untagged", "stub", "crash"}
    assert outcomes["slope"].mistake is None
    assert outcomes["tagged"].mistake == "sums-not-mean"
    assert outcomes["tagged"].message == "CheckFailed: f(x) returned 2. Average."  # colours and the tag removed
    assert outcomes["untagged"].mistake == "check-failed"
    assert outcomes["stub"].mistake == NOT_ANSWERED
    assert outcomes["crash"].mistake == "raised-zerodivisionerror"
    assert exercise_titles(notebook) == {"slope": "2.1 · derive · ★★ — The slope"}


# -- a simulated class through the real pipeline -------------------------------------------------------
@pytest.fixture(scope="module")
def graded_class(tmp_path_factory):
    course = ScratchCourse(tmp_path_factory.mktemp("class-report"), REPO, [CHAPTER])
    known = simulated_class(CHAPTER)
    for student, notebook in known.submissions.items():
        course.submit(student, CHAPTER, notebook)
    result = grade_class(course.root, CHAPTER, workers=2, progress=False)
    assert set(result.not_graded) == set(NOT_GRADED), result.not_graded
    return course.root, known


@pytest.mark.grading
@pytest.mark.xdist_group("class-report")
def test_the_report_counts_every_mistake_the_class_contains(graded_class):
    root, known = graded_class
    report = collect_chapter(root, CHAPTER)
    counted = Counter({(e.name, mistake): n for e in report.exercises for mistake, n in e.mistakes.items()})
    assert counted == known.contains
    # Every mistake shown has an example message in the words the student read, without the tag.
    for exercise in report.exercises:
        for mistake in exercise.mistakes:
            assert exercise.examples[mistake] and "[mistake:" not in exercise.examples[mistake]
    graded = sorted(set(known.submissions) - set(NOT_GRADED))
    assert report.graded == graded and sorted(report.totals) == graded
    assert report.totals["solved"] == report.max_score - sum(w.max_score for w in report.written)
    assert report.totals["blank"] == 0
    # Scores: one per graded submission and exercise; the solution and the blank are full and none.
    for exercise in report.exercises:
        assert len(exercise.scores) == len(graded)
        wrong = sum(n for (name, _), n in known.contains.items() if name == exercise.name)
        assert sum(s < exercise.max_score for s in exercise.scores) == wrong
    assert dict(report.not_graded).keys() == NOT_GRADED.keys()
    for student, reason in NOT_GRADED.items():
        assert reason in dict(report.not_graded)[student]
    assert [w.waiting for w in report.written] == [known.answered_written] * len(report.written)
    assert [w.graded for w in report.written] == [len(graded) - known.answered_written] * len(report.written)
    assert len(report.slowest) == 5 and all(seconds > 0 for _, seconds in report.slowest)
    assert [o.assignment for o in report.overview] == [CHAPTER]
    assert report.overview[0].graded == len(graded)
    assert all(e.title.startswith("2.") for e in report.exercises)


@pytest.mark.grading
@pytest.mark.xdist_group("class-report")
def test_one_command_writes_a_page_that_opens_offline_in_a_browser(graded_class, tmp_path):
    root, _ = graded_class
    process = subprocess.run([sys.executable, "-m", "dlcourse.grading", "report", CHAPTER, "--course", str(root),
                              "--out", str(tmp_path)], capture_output=True, text=True, cwd=tmp_path)
    assert process.returncode == 0, process.stderr
    page_path = tmp_path / f"{CHAPTER}.html"
    assert str(page_path) in process.stdout
    page = page_path.read_text()
    assert "http" not in re.sub(r"http://localhost:8888/formgrader[^<]*", "", page), "the page must need no server"
    assert page.count("data:image/png;base64,") == 1 + len(solved_answers(CHAPTER))
    assert "Submissions not graded" in page and "hostile" in page and "not a valid notebook" in page

    if not CHROMIUM.exists():
        if os.environ.get("DLCOURSE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"Chromium not found at {CHROMIUM}")
        pytest.skip(f"Chromium not found at {CHROMIUM}: install Debian's `chromium` to render the report")
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                             args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        try:
            view = browser.new_page(viewport={"width": 1200, "height": 900})
            view.goto(page_path.as_uri())
            view.wait_for_load_state("load")
            sizes = view.eval_on_selector_all("img", "images => images.map(i => [i.complete, i.naturalWidth])")
            assert sizes and all(done and width > 200 for done, width in sizes), sizes
            assert view.title() == f"What the class got wrong: {CHAPTER}"
            view.screenshot(path=str(ARTIFACTS / f"{CHAPTER}.png"), full_page=True)
        finally:
            browser.close()
    assert (ARTIFACTS / f"{CHAPTER}.png").stat().st_size > 10_000


def test_a_chapter_missing_from_the_gradebook_is_named(tmp_path):
    course = ScratchCourse(tmp_path / "course", REPO, ["00_welcome"])
    with pytest.raises(SystemExit, match="no assignment '99_nothing'.*00_welcome"):
        write_report(course.root, "99_nothing")

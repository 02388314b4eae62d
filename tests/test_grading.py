"""Grading through nbgrader's real autograde, per chapter, on a scratch course directory.

For each chapter one class of submissions is autograded in a single ``nbgrader autograde`` run:

- ``solution``: every exercise answered with the master's solution; must earn every point;
- ``blank``: the student release as is; must earn zero, and the grader must finish cleanly;
- one submission per recorded mutant (``tests/mutants/<chapter>/<exercise>/<name>.py``): that
  exercise answered wrongly, every other exercise answered correctly. The mutant's exercise must
  lose its points and every other exercise must keep its own.

The chapter's results are computed once per test process and shared by its tests (xdist keeps a
chapter's tests on one worker).
"""

from __future__ import annotations

import functools
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from course import REPO, chapters, mutants, read_notebook, solved_answers, with_answers
from dlcourse.grading import ScratchCourse, SubmissionGrade

CHAPTERS = chapters()


@dataclass
class GradedChapter:
    course: ScratchCourse
    grades: dict[str, SubmissionGrade]
    feedback: dict[str, Path]
    exported: list[dict[str, str]]


_SCRATCH_ROOTS: list[Path] = []


@functools.cache
def graded(chapter: str) -> GradedChapter:
    root = Path(tempfile.mkdtemp(prefix=f"grading-{chapter}-"))
    _SCRATCH_ROOTS.append(root)
    course = ScratchCourse(root, REPO, [chapter])
    release = read_notebook(course.release_notebook(chapter))
    solved = solved_answers(chapter)
    course.submit("solution", chapter, with_answers(release, solved))
    course.submit("blank", chapter, release)
    for mutant in mutants(chapter):
        course.submit(mutant.student_id, chapter, with_answers(release, {**solved, mutant.exercise: mutant.code}))
    grades = course.autograde(chapter)
    feedback = course.generate_feedback(chapter)
    exported = course.export()
    return GradedChapter(course, grades, feedback, exported)


@pytest.fixture(scope="session", autouse=True)
def _remove_scratch_courses():
    yield
    for root in _SCRATCH_ROOTS:
        shutil.rmtree(root, ignore_errors=True)


def _in_group(chapter, *values):
    return pytest.param(chapter, *values, marks=pytest.mark.xdist_group(chapter), id="/".join([chapter, *map(str, values)]))


def _report(grade: SubmissionGrade) -> str:
    cells = ", ".join(f"{cell} {score:g}/{grade.max_scores[cell]:g}" for cell, score in grade.scores.items())
    return f"{grade.student}: {cells or 'no grades'}" + (f" (error: {grade.error})" if grade.error else "")


@pytest.mark.grading
@pytest.mark.parametrize("chapter", [_in_group(c) for c in CHAPTERS])
def test_solution_earns_every_point(chapter):
    grade = graded(chapter).grades["solution"]
    assert grade.error is None, _report(grade)
    assert grade.scores and grade.total == grade.max_total, _report(grade)


@pytest.mark.grading
@pytest.mark.parametrize("chapter", [_in_group(c) for c in CHAPTERS])
def test_blank_release_earns_zero_and_is_graded_cleanly(chapter):
    grade = graded(chapter).grades["blank"]
    assert grade.error is None, _report(grade)
    assert set(grade.scores) == set(graded(chapter).grades["solution"].scores), _report(grade)
    assert grade.total == 0, _report(grade)


@pytest.mark.grading
@pytest.mark.parametrize(
    "chapter, exercise, name",
    [_in_group(m.chapter, m.exercise, m.name) for c in CHAPTERS for m in mutants(c)],
)
def test_mutant_loses_its_exercise_points_only(chapter, exercise, name):
    mutant = next(m for m in mutants(chapter) if (m.exercise, m.name) == (exercise, name))
    grade = graded(chapter).grades[mutant.student_id]
    assert grade.error is None, _report(grade)
    tested_by = f"test_{exercise}"
    assert grade.scores[tested_by] == 0, (
        f"{mutant.path.relative_to(REPO)} kept {grade.scores[tested_by]:g} of {grade.max_scores[tested_by]:g} "
        f"points in {tested_by}: the tests do not catch this mistake"
    )
    others = {cell: score for cell, score in grade.scores.items() if cell != tested_by and score != grade.max_scores[cell]}
    assert not others, f"a wrong {exercise} also cost points in other exercises: {_report(grade)}"
    # The student is told what is wrong in words, by a check of dlcourse.checking, not by a
    # bare exception from deep inside the test.
    message = grade.messages.get(tested_by, "")
    assert message.startswith("CheckFailed: ") and len(message) > 40, (
        f"{mutant.label}: the test cell fails without a worded message: {message!r}"
    )


@pytest.mark.grading
@pytest.mark.parametrize("chapter", [_in_group(c) for c in CHAPTERS])
def test_feedback_and_export_cover_the_class(chapter):
    result = graded(chapter)
    assert set(result.feedback) == set(result.grades), "nbgrader generate_feedback skipped some students"
    solution_page = result.feedback["solution"].read_text()
    assert "All checks of" in solution_page and "passed" in solution_page
    # A mutant's page shows the worded message of the check that caught it.
    for mutant in mutants(chapter)[:3]:
        page = result.feedback[mutant.student_id].read_text()
        assert "CheckFailed" in page or "Error" in page, f"{mutant.label}: feedback shows no failure"
    rows = {row["student_id"]: row for row in result.exported if row["assignment"] == chapter}
    assert set(rows) == set(result.grades)
    for student, grade in result.grades.items():
        assert float(rows[student]["raw_score"]) == pytest.approx(grade.total), student
        assert float(rows[student]["max_score"]) == pytest.approx(grade.max_total), student

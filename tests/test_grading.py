"""Grading through nbgrader's real autograde, per chapter, on a scratch course directory.

For each chapter one class of submissions is autograded in a single ``nbgrader autograde`` run:

- ``solution``: every exercise answered with the master's solution; must earn every point;
- ``blank``: the student release as is; must earn zero, and the grader must finish cleanly;
- submissions carrying the recorded mutants (``tests/mutants/<chapter>/<exercise>/<name>.py``,
  realistic wrong answers). Every mutant's exercise must lose its points with a worded message,
  and every exercise answered correctly in the same submission must keep its own.

Every autograde runs the whole notebook in a fresh kernel (several seconds each), so the class is
packed the way CONVENTIONS.md allows, since exercises are independent:

- for each exercise, its first mutant *alone*, every other exercise correct: a wrong answer costs
  only its own exercise's points;
- then round r = 2, 3, ...: one submission in which every exercise that has an r-th mutant carries
  it and the others are correct.

That is about half the submissions of one per mutant (66 instead of 136 for chapters 00-04).
``DLCOURSE_GRADING=exact`` grades every mutant alone instead, as a chapter author may want to
while recording new mutants; the tests are the same.

The chapter's results are computed once per test process and shared by its tests (xdist keeps a
chapter's tests on one worker).
"""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from course import REPO, Mutant, chapters, mutants, read_notebook, solved_answers, with_answers
from dlcourse.grading import ScratchCourse, SubmissionGrade

CHAPTERS = chapters()


@dataclass(frozen=True)
class Submission:
    student_id: str
    wrong: tuple[Mutant, ...]  # the mutants it carries; every other exercise is answered correctly


def mutant_submissions(chapter: str, exact: bool = False) -> list[Submission]:
    """The submissions that carry the chapter's mutants (see the module docstring)."""
    recorded = mutants(chapter)
    if exact:
        return [Submission(m.student_id, (m,)) for m in recorded]
    by_exercise: dict[str, list[Mutant]] = {}
    for mutant in recorded:
        by_exercise.setdefault(mutant.exercise, []).append(mutant)
    alone = [Submission(ms[0].student_id, (ms[0],)) for ms in by_exercise.values()]
    rounds = max((len(ms) for ms in by_exercise.values()), default=0)
    packed = [
        Submission(f"round-{r + 1}", tuple(ms[r] for ms in by_exercise.values() if len(ms) > r))
        for r in range(1, rounds)
    ]
    return alone + packed


@dataclass
class GradedChapter:
    course: ScratchCourse
    grades: dict[str, SubmissionGrade]
    feedback: dict[str, Path]
    exported: list[dict[str, str]]
    submissions: list[Submission]

    def carrying(self, mutant: Mutant) -> tuple[Submission, SubmissionGrade]:
        submission = next(s for s in self.submissions if mutant in s.wrong)
        return submission, self.grades[submission.student_id]


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
    submissions = mutant_submissions(chapter, exact=os.environ.get("DLCOURSE_GRADING") == "exact")
    for submission in submissions:
        wrong = {m.exercise: m.code for m in submission.wrong}
        course.submit(submission.student_id, chapter, with_answers(release, {**solved, **wrong}))
    grades = course.autograde(chapter)
    feedback = course.generate_feedback(chapter)
    exported = course.export()
    return GradedChapter(course, grades, feedback, exported, submissions)


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
    submission, grade = graded(chapter).carrying(mutant)
    assert grade.error is None, _report(grade)
    tested_by = f"test_{exercise}"
    assert grade.scores[tested_by] == 0, (
        f"{mutant.path.relative_to(REPO)} kept {grade.scores[tested_by]:g} of {grade.max_scores[tested_by]:g} "
        f"points in {tested_by}: the tests do not catch this mistake"
    )
    # The student is told what is wrong in words, by a check of dlcourse.checking, not by a
    # bare exception from deep inside the test.
    message = grade.messages.get(tested_by, "")
    assert message.startswith("CheckFailed: ") and len(message) > 40, (
        f"{mutant.label}: the test cell fails without a worded message: {message!r}"
    )
    wrong_cells = {f"test_{m.exercise}" for m in submission.wrong}
    others = {cell: score for cell, score in grade.scores.items()
              if cell not in wrong_cells and score != grade.max_scores[cell]}
    assert not others, f"a wrong {exercise} also cost points in other exercises: {_report(grade)}"


@pytest.mark.grading
@pytest.mark.parametrize("chapter", [_in_group(c) for c in CHAPTERS])
def test_every_exercise_is_wrong_alone_once(chapter):
    """However the class is packed, each exercise has a submission where it alone is wrong, so
    "a wrong answer costs only its own points" is checked for every exercise."""
    alone = {s.wrong[0].exercise for s in graded(chapter).submissions if len(s.wrong) == 1}
    assert alone == {m.exercise for m in mutants(chapter)}


@pytest.mark.grading
@pytest.mark.parametrize("chapter", [_in_group(c) for c in CHAPTERS])
def test_feedback_and_export_cover_the_class(chapter):
    result = graded(chapter)
    assert set(result.feedback) == set(result.grades), "nbgrader generate_feedback skipped some students"
    solution_page = result.feedback["solution"].read_text()
    assert "All checks of" in solution_page and "passed" in solution_page
    # A mutant's page shows the worded message of the check that caught it.
    for submission in result.submissions[:3]:
        page = result.feedback[submission.student_id].read_text()
        assert "CheckFailed" in page, f"{submission.student_id}: feedback shows no failure"
    rows = {row["student_id"]: row for row in result.exported if row["assignment"] == chapter}
    assert set(rows) == set(result.grades)
    for student, grade in result.grades.items():
        assert float(rows[student]["raw_score"]) == pytest.approx(grade.total), student
        assert float(rows[student]["max_score"]) == pytest.approx(grade.max_total), student

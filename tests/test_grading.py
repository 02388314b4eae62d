"""Grading through nbgrader's real autograde, per chapter, on a scratch course directory, and every
recorded wrong answer checked against its exercise's hidden tests.

Per chapter, nbgrader autogrades one class:

- ``solution``: every exercise answered with the master's solution; must earn every point;
- ``blank``: the student release as is; must earn zero, and the grader must finish cleanly;
- two packed submissions: ``wrong-even`` carries a recorded mutant in every other exercise (the
  1st, 3rd, ...), ``wrong-odd`` in the rest. Each wrong exercise must lose its points with a worded
  message while the correct ones around it keep theirs, so every exercise is shown to be wrong
  without costing its neighbours, and right in spite of wrong neighbours.

Every recorded mutant (``tests/mutants/<chapter>/<exercise>/<name>.py``) is then checked in one
kernel per chapter (tests/mutant_kernel.py): its exercise's test cell, hidden tests included, must
fail with a worded ``CheckFailed``. That takes milliseconds per mutant where an autograde takes
seconds, so the suite stays fast as chapters and mutants are added.
``DLCOURSE_GRADING=exact`` instead autogrades every mutant alone through nbgrader, as a chapter
author may want to while recording new mutants; the tests are the same.

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

from course import (REPO, Mutant, chapters, master_path, mutants, nbgrader_metadata, read_notebook, solved_answers,
                    with_answers)
from dlcourse.grading import ScratchCourse, SubmissionGrade
from mutant_kernel import Outcome, check_mutants

CHAPTERS = chapters()


@dataclass(frozen=True)
class Submission:
    student_id: str
    wrong: tuple[Mutant, ...]  # the mutants it carries; every other exercise is answered correctly


EXACT = os.environ.get("DLCOURSE_GRADING") == "exact"


def mutant_submissions(chapter: str, exact: bool = False) -> list[Submission]:
    """The submissions nbgrader grades besides the solution and the blank release (see the module
    docstring): two packed ones, or one per mutant in exact mode."""
    recorded = mutants(chapter)
    if exact:
        return [Submission(m.student_id, (m,)) for m in recorded]
    by_exercise: dict[str, list[Mutant]] = {}
    for mutant in recorded:
        by_exercise.setdefault(mutant.exercise, []).append(mutant)
    exercises = list(by_exercise.values())
    # Different mutants in the two rounds (first and last of each exercise), for variety.
    even = tuple(ms[0] for ms in exercises[0::2])
    odd = tuple(ms[-1] for ms in exercises[1::2])
    return [Submission(name, wrong) for name, wrong in (("wrong-even", even), ("wrong-odd", odd)) if wrong]


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
    submissions = mutant_submissions(chapter, exact=EXACT)
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


def written_points(chapter: str) -> float:
    """Points of the chapter's manually graded written answers."""
    return sum(float(nbgrader_metadata(c).get("points", 0)) for c in read_notebook(master_path(chapter))["cells"]
               if c["cell_type"] == "markdown" and nbgrader_metadata(c).get("grade"))


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


@functools.cache
def in_one_kernel(chapter: str) -> tuple[dict[Mutant, Outcome], dict[str, Outcome]]:
    return check_mutants(chapter)


def _caught(mutant: Mutant) -> tuple[float | None, str]:
    """(points the mutant kept, the failing test cell's message)."""
    tested_by = f"test_{mutant.exercise}"
    if EXACT:
        _, grade = graded(mutant.chapter).carrying(mutant)
        assert grade.error is None, _report(grade)
        return grade.scores[tested_by], grade.messages.get(tested_by, "")
    outcome = in_one_kernel(mutant.chapter)[0][mutant]
    return (None if outcome.ename is None else 0.0), outcome.message


@pytest.mark.grading
@pytest.mark.parametrize(
    "chapter, exercise, name",
    [_in_group(m.chapter, m.exercise, m.name) for c in CHAPTERS for m in mutants(c)],
)
def test_mutant_is_caught_with_a_worded_message(chapter, exercise, name):
    mutant = next(m for m in mutants(chapter) if (m.exercise, m.name) == (exercise, name))
    kept, message = _caught(mutant)
    assert kept == 0, (
        f"{mutant.path.relative_to(REPO)} passes test_{exercise}: the tests do not catch this mistake"
    )
    # The student is told what is wrong in words, by a check of dlcourse.checking, not by a
    # bare exception from deep inside the test.
    assert message.startswith("CheckFailed: ") and len(message) > 40, (
        f"{mutant.label}: the test cell fails without a worded message: {message!r}"
    )


@pytest.mark.grading
@pytest.mark.parametrize("chapter", [_in_group(c) for c in CHAPTERS])
def test_the_solution_passes_every_test_cell_in_one_kernel(chapter):
    """The fast path runs the tests the way nbgrader does: on the solution, all of them pass."""
    if EXACT:
        pytest.skip("exact mode grades every mutant through nbgrader")
    failed = {cell: o.message for cell, o in in_one_kernel(chapter)[1].items() if o.ename is not None}
    assert not failed, failed
    assert set(in_one_kernel(chapter)[1]) == set(graded(chapter).grades["solution"].scores)


@pytest.mark.grading
@pytest.mark.parametrize("chapter", [_in_group(c) for c in CHAPTERS])
def test_a_wrong_exercise_costs_only_its_own_points(chapter):
    """Through nbgrader: in each packed submission the wrong exercises score 0 with a worded
    message, and every exercise answered correctly keeps all its points."""
    result = graded(chapter)
    for submission in result.submissions:
        grade = result.grades[submission.student_id]
        assert grade.error is None, _report(grade)
        wrong = {f"test_{m.exercise}" for m in submission.wrong}
        for cell, score in grade.scores.items():
            if cell in wrong:
                assert score == 0, f"{submission.student_id}: {cell} kept {score:g} points ({_report(grade)})"
                assert grade.messages.get(cell, "").startswith("CheckFailed: "), (cell, grade.messages.get(cell))
            else:
                assert score == grade.max_scores[cell], f"{submission.student_id}: a correct {cell} lost points: {_report(grade)}"


@pytest.mark.grading
@pytest.mark.parametrize("chapter", [_in_group(c) for c in CHAPTERS])
def test_every_exercise_is_both_wrong_and_right_next_to_wrong_ones(chapter):
    """Across the packed submissions, every exercise with mutants is wrong in one and right in
    another where some other exercise is wrong."""
    submissions = graded(chapter).submissions
    exercises = {m.exercise for m in mutants(chapter)}
    wrong_somewhere = {m.exercise for s in submissions for m in s.wrong}
    right_next_to_wrong = {e for e in exercises for s in submissions if s.wrong and e not in {m.exercise for m in s.wrong}}
    assert wrong_somewhere == exercises
    if len(exercises) > 1:
        assert right_next_to_wrong == exercises


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
        # The export's maximum also counts the written answers, which are graded by hand.
        assert float(rows[student]["max_score"]) == pytest.approx(grade.max_total + written_points(chapter)), student
        assert rows[student]["status"] == "graded", rows[student]

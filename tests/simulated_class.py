"""A class whose mistakes are known, made from a chapter's recorded mutants.

Each "round" student carries one mutant of every exercise at once (exercises are graded
independently, so one submission tests many mutants); the first two rounds are submitted twice, so
that counts above one appear; every other round also answers the written questions. The class also
has a full solution (with written answers), the untouched release (every exercise not answered), a
file that is not a notebook, and a submission the grader's screen refuses. What each mutant's
mistake is comes from the one-kernel checker (tests/mutant_kernel.py), which runs the chapter's
test cells on it directly, not through nbgrader.
"""

from __future__ import annotations

import copy
from collections import Counter
from dataclasses import dataclass, field

from course import REPO, mutants, nbgrader_metadata, read_notebook, solved_answers, with_answers
from dlcourse.checking import mistake_of
from dlcourse.grading.report import NOT_ANSWERED
from mutant_kernel import check_mutants

WRITTEN_ANSWER = "A model answer in the student's own words."
NOT_GRADED = {"broken": "not a valid notebook", "hostile": "imports `os`"}


@dataclass
class SimulatedClass:
    chapter: str
    submissions: dict[str, dict | str] = field(default_factory=dict)  # student -> notebook (or junk)
    contains: Counter = field(default_factory=Counter)  # (exercise, mistake id) -> submissions with it
    answered_written: int = 0  # graded submissions that answered the written questions


def _answer_written_questions(notebook: dict) -> dict:
    notebook = copy.deepcopy(notebook)
    for cell in notebook["cells"]:
        meta = nbgrader_metadata(cell)
        if cell["cell_type"] == "markdown" and meta.get("solution") and meta.get("grade"):
            cell["source"] = WRITTEN_ANSWER
    return notebook


def simulated_class(chapter: str) -> SimulatedClass:
    mutant_outcomes, _ = check_mutants(chapter)
    by_exercise: dict[str, list] = {}
    for mutant in mutants(chapter):
        by_exercise.setdefault(mutant.exercise, []).append(mutant)
    solved = solved_answers(chapter)
    release = read_notebook(REPO / "notebooks" / chapter / f"{chapter}.ipynb")
    result = SimulatedClass(chapter)
    for k in range(max(len(v) for v in by_exercise.values())):
        answers, mistakes = dict(solved), Counter()
        for exercise, recorded in by_exercise.items():
            if k < len(recorded):
                answers[exercise] = recorded[k].code
                outcome = mutant_outcomes[recorded[k]]
                mistakes[(exercise, mistake_of(outcome.evalue) or outcome.ename)] += 1
        for suffix in (["", "-again"] if k < 2 else [""]):
            notebook = with_answers(release, answers)
            if k % 2:
                notebook = _answer_written_questions(notebook)
                result.answered_written += 1
            result.submissions[f"round{k}{suffix}"] = notebook
            result.contains.update(mistakes)
    result.submissions["solved"] = _answer_written_questions(with_answers(release, solved))
    result.answered_written += 1
    result.submissions["blank"] = release
    result.contains.update((exercise, NOT_ANSWERED) for exercise in by_exercise)
    result.submissions["broken"] = "this is not a notebook"
    first = next(iter(by_exercise))
    result.submissions["hostile"] = with_answers(release, dict(solved, **{first: "import os\n" + solved[first]}))
    return result

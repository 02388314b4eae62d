"""What the tests know about the course's layout: chapters, exercises and recorded mutants.

An *exercise* is an autograded answer cell (nbgrader ``solution`` cell with grade_id ``NAME``) and
its test cell (grade_id ``test_NAME``). A *mutant* is a realistic wrong answer to one exercise,
kept as ``tests/mutants/<chapter>/<NAME>/<mutant>.py``: the file's content replaces the answer
cell, and its docstring says which mistake it makes.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MUTANTS = Path(__file__).resolve().parent / "mutants"
CHAPTER_NAME = re.compile(r"^\d\d_[a-z0-9_]+$")
SOLUTION_MARKER = re.compile(r"^\s*### (BEGIN|END) SOLUTION\s*$")


def chapters() -> list[str]:
    """Every chapter, from the masters in ``source/``."""
    return sorted(p.name for p in (REPO / "source").iterdir() if p.is_dir() and CHAPTER_NAME.match(p.name))


def master_path(chapter: str) -> Path:
    return REPO / "source" / chapter / f"{chapter}.ipynb"


def view_path(view: str, chapter: str) -> Path:
    """``view`` is ``notebooks`` (student release) or ``solutions`` (executed worked solution)."""
    return REPO / view / chapter / f"{chapter}.ipynb"


def read_notebook(path: Path) -> dict:
    return json.loads(Path(path).read_text())


def source_text(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def nbgrader_metadata(cell: dict) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def answer_cells(notebook: dict) -> dict[str, dict]:
    """grade_id -> autograded answer cell (code cells with a solution region, not graded)."""
    return {
        nbgrader_metadata(c)["grade_id"]: c
        for c in notebook["cells"]
        if c["cell_type"] == "code" and nbgrader_metadata(c).get("solution") and not nbgrader_metadata(c).get("grade")
    }


def grading_cells(notebook: dict) -> dict[str, dict]:
    """grade_id -> autograded test cell."""
    return {
        nbgrader_metadata(c)["grade_id"]: c
        for c in notebook["cells"]
        if c["cell_type"] == "code" and nbgrader_metadata(c).get("grade") and not nbgrader_metadata(c).get("solution")
    }


def exercises(chapter: str) -> list[str]:
    """The chapter's exercise names (answer cell grade_ids), in notebook order."""
    return list(answer_cells(read_notebook(master_path(chapter))))


def solution_code(cell: dict) -> str:
    """An answer cell's code as a student who solved it would write it: the master's source
    without the solution markers."""
    return "".join(line for line in source_text(cell).splitlines(keepends=True) if not SOLUTION_MARKER.match(line))


@dataclass(frozen=True)
class Mutant:
    chapter: str
    exercise: str
    name: str
    path: Path

    @property
    def code(self) -> str:
        return self.path.read_text()

    @property
    def student_id(self) -> str:
        return f"m-{self.exercise}-{self.name}"

    @property
    def label(self) -> str:
        return f"{self.chapter}/{self.exercise}/{self.name}"


def mutants(chapter: str) -> list[Mutant]:
    """Every recorded mutant of the chapter, sorted by exercise then name."""
    folder = MUTANTS / chapter
    if not folder.is_dir():
        return []
    return [
        Mutant(chapter, path.parent.name, path.stem, path)
        for path in sorted(folder.glob("*/*.py"))
    ]


def with_answers(release: dict, answers: dict[str, str]) -> dict:
    """A copy of the student release with the given answer cells filled in (others untouched)."""
    notebook = copy.deepcopy(release)
    for cell in notebook["cells"]:
        grade_id = nbgrader_metadata(cell).get("grade_id")
        if cell["cell_type"] == "code" and grade_id in answers and nbgrader_metadata(cell).get("solution"):
            cell["source"] = answers[grade_id]
    return notebook


def solved_answers(chapter: str) -> dict[str, str]:
    """grade_id -> solution code, for every exercise of the chapter."""
    return {grade_id: solution_code(cell) for grade_id, cell in answer_cells(read_notebook(master_path(chapter))).items()}


# An answer to 00_welcome's ``standardize`` that is right on the visible tests' small examples (at
# most 3 rows) and wrong on anything bigger: the visible tests pass it, the hidden tests (matrices
# of 4 rows and more) do not. It tells apart a grader that runs the hidden tests from one that runs
# only the visible ones.
STANDARDIZE_FOR_THE_VISIBLE_EXAMPLES_ONLY = '''def standardize(X):
    if X.shape[0] > 3:
        return X.astype(float)
    std = X.std(axis=0)
    return (X - X.mean(axis=0)) / np.where(std > 0, std, 1.0)
'''


# The calls 00_welcome's visible tests make (as their messages name them).
VISIBLE_STANDARDIZE_CALLS = ("X = [[1, 10], [3, 10], [5, 10]]", "the column [1, 3, 5]", "the constant column [10, 10, 10]",
                             "X = [[0, 2, 4], [10, 20, 60]]")


def is_hidden_check_message(message: str) -> bool:
    """A worded failure of one of 00_welcome's hidden checks of ``standardize`` (not a visible one)."""
    return ("CheckFailed: standardize(" in message
            and not any(call in message for call in VISIBLE_STANDARDIZE_CALLS))

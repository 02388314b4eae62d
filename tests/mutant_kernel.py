"""Check a chapter's recorded wrong answers in one kernel, in milliseconds each.

Every ``nbgrader autograde`` runs the whole notebook in a fresh kernel (seconds). To check that a
mutant loses its points, only its exercise's test cell has to run against it. This walks the
chapter's master once in one kernel, as nbgrader would run the solution, and at each exercise's
test cell it first runs every mutant of that exercise: the mutant's code (as its answer cell),
the test cell (hidden tests included), then the correct answer again to restore the state.

It is the fast path of tests/test_grading.py; nbgrader's real pipeline still grades the solution,
the blank release and packed submissions of every chapter, and ``DLCOURSE_GRADING=exact`` grades
every mutant through nbgrader alone.
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from course import Mutant, master_path, mutants, nbgrader_metadata, read_notebook, solution_code, source_text

CELL_TIMEOUT = 120


@dataclass(frozen=True)
class Outcome:
    """How a test cell ended: ``ename`` is None when it passed."""

    ename: str | None
    evalue: str = ""

    @property
    def message(self) -> str:
        return f"{self.ename}: {self.evalue}" if self.ename else ""


class _Kernel:
    def __init__(self, folder: Path):
        from jupyter_client.manager import KernelManager

        env = dict(os.environ, NBGRADER_EXECUTION="autograde", MPLBACKEND="agg",
                   PATH=str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""))
        self.manager = KernelManager(kernel_name="python3")
        self.manager.start_kernel(env=env, cwd=str(folder), extra_arguments=["--HistoryManager.hist_file=:memory:"])
        self.client = self.manager.client()
        self.client.start_channels()
        self.client.wait_for_ready(timeout=120)

    def run(self, code: str) -> Outcome:
        reply = self.client.execute_interactive(code, timeout=CELL_TIMEOUT, output_hook=lambda message: None,
                                                stop_on_error=False)
        content = reply["content"]
        if content["status"] == "error":
            return Outcome(content.get("ename", "Error"), content.get("evalue", ""))
        return Outcome(None)

    def close(self) -> None:
        self.client.stop_channels()
        self.manager.shutdown_kernel(now=True)


def check_mutants(chapter: str) -> tuple[dict[Mutant, Outcome], dict[str, Outcome]]:
    """(mutant -> how its exercise's test cell ended, test cell -> how it ended on the solution)."""
    by_exercise: dict[str, list[Mutant]] = {}
    for mutant in mutants(chapter):
        by_exercise.setdefault(mutant.exercise, []).append(mutant)
    master = read_notebook(master_path(chapter))
    answers = {nbgrader_metadata(c)["grade_id"]: solution_code(c) for c in master["cells"]
               if c["cell_type"] == "code" and nbgrader_metadata(c).get("solution")}
    caught: dict[Mutant, Outcome] = {}
    solution: dict[str, Outcome] = {}
    with tempfile.TemporaryDirectory(prefix=f"mutants-{chapter}-") as folder:
        kernel = _Kernel(Path(folder))
        try:
            for cell in master["cells"]:
                if cell["cell_type"] != "code":
                    continue
                meta = nbgrader_metadata(cell)
                code = solution_code(cell) if meta.get("solution") else source_text(cell)
                grade_id = meta.get("grade_id", "")
                if meta.get("grade") and not meta.get("solution"):
                    exercise = grade_id.removeprefix("test_")
                    for mutant in by_exercise.get(exercise, []):
                        kernel.run(mutant.code)
                        caught[mutant] = kernel.run(code)
                        kernel.run(answers[exercise])
                    solution[grade_id] = kernel.run(code)
                else:
                    kernel.run(code)
        finally:
            kernel.close()
    return caught, solution

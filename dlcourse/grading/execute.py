"""nbgrader preprocessors that make autograde's verdict one the student's code cannot write.

``nbgrader_config.py`` puts them in nbgrader's own pipeline, so ``nbgrader autograde`` uses them:

- :class:`RestoreMasterCells` (sanitizing step): the notebook that runs is the master's, cell for
  cell, with only the student's answer cells taken from the submission. Cells a student added or
  edited outside the answer cells are not run (a note at the top of the graded notebook says so).
- :class:`TrustedExecute` (replaces nbgrader's ``Execute``):

  1. screens the answer cells first (:mod:`dlcourse.grading.screen`); a notebook with code that
     tampers with the grader is *not graded*, with the finding as the reason;
  2. runs the kernel in the sandbox (:mod:`dlcourse.grading.sandbox`, the configured kernel manager);
  3. asks the kernel guard (:mod:`dlcourse.grading.kernel_guard`) before and after every test cell
     whether IPython, the interpreter or the tests' modules were changed; if so, not graded;
  4. limits time per cell (longer for cells marked as training), time per notebook and output per
     cell, and says in the cell's output which limit stopped it;
  5. shows a test cell's stderr (a student's debug ``print(..., file=sys.stderr)``, a logging
     line) on stdout, since nbgrader takes a test cell's points for any stderr output: the verdict
     comes from errors only;
  6. records the outcome per notebook (:mod:`dlcourse.grading.status`): graded, or not graded
     with the reason (kernel died, tampering, no sandbox where one is required).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import nbformat
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbclient.util import run_sync
from nbformat.notebooknode import NotebookNode
from nbgrader.preprocessors import Execute, NbGraderPreprocessor, OverwriteCells
from traitlets import Bool, Integer

from .screen import screen_notebook
from .status import GRADED, NOT_GRADED, GradingStatus, write_status

__all__ = ["TrustedExecute", "RestoreMasterCells", "OverwriteCellsReportingEdits", "NotGraded"]

GUARD_EXPRESSION = "__import__('dlcourse.grading.kernel_guard', fromlist=['verify']).verify()"
GUARD_INSTALL = "import dlcourse.grading.kernel_guard as _dlcourse_guard; _dlcourse_guard.install(); del _dlcourse_guard"


class NotGraded(Exception):
    """The notebook cannot be given a grade; the message says why (nbgrader then reports it as
    failed for this student and goes on with the class)."""


def _nbgrader(cell: NotebookNode) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def _is_test_cell(cell: NotebookNode) -> bool:
    meta = _nbgrader(cell)
    return cell.cell_type == "code" and bool(meta.get("grade")) and not meta.get("solution")


def _is_answer_cell(cell: NotebookNode) -> bool:
    return bool(_nbgrader(cell).get("solution"))


def _course_root(preprocessor) -> Path:
    from nbgrader.coursedir import CourseDirectory

    return Path(CourseDirectory(config=preprocessor.config).root)


def _error_output(name: str, message: str) -> NotebookNode:
    return NotebookNode(output_type="error", ename=name, evalue=message, traceback=[f"{name}: {message}"])


class TrustedExecute(Execute):
    """nbgrader's ``Execute`` with screening, a kernel guard, limits and an honest record."""

    cell_timeout = Integer(30, help="seconds a cell may run").tag(config=True)
    training_cell_timeout = Integer(
        120, help="seconds for a cell whose metadata has dlcourse.training = true").tag(config=True)
    notebook_timeout = Integer(300, help="seconds the whole notebook may run").tag(config=True)
    max_output_characters = Integer(100_000, help="output kept per cell; the rest is cut").tag(config=True)
    screen_answers = Bool(True, help="refuse to run answer cells that tamper with the grader").tag(config=True)
    guard_kernel = Bool(True, help="check the kernel for tampering around every test cell").tag(config=True)

    def __init__(self, **kwargs):
        from .sandbox import SandboxedKernelManager

        # nbgrader's Execute would default to a plain AsyncKernelManager: every graded kernel is
        # sandboxed instead (SandboxedKernelManager.mode says what happens without bubblewrap).
        kwargs.setdefault("kernel_manager_class", SandboxedKernelManager)
        super().__init__(**kwargs)
        self._output_sizes: dict[int, int] = {}
        self._output_cut: set[int] = set()

    def preprocess(self, nb, resources=None, km=None):
        info = (resources or {}).get("nbgrader", {})
        self._record = GradingStatus(
            assignment=info.get("assignment", "?"), student=info.get("student", "?"),
            notebook=info.get("notebook", "?"), status=NOT_GRADED,
        )
        self._started = time.monotonic()
        self._kernel_stuck = False
        self._notes: list[str] = []
        try:
            if self.screen_answers:
                findings = screen_notebook(nb)
                if findings:
                    raise NotGraded("the answers contain code that tampers with the grader: "
                                    + "; ".join(map(str, findings[:5])))
            self._output_sizes, self._output_cut = {}, set()
            try:
                result = super().preprocess(nb, resources, km=km)
            except DeadKernelError:
                where = getattr(self, "_current_cell", "?")
                raise NotGraded(
                    f"the kernel stopped while running cell {where} (the code ended the Python process, or "
                    "it ran out of memory or CPU time)") from None
            except RuntimeError as error:
                if "sandbox" in str(error):
                    raise NotGraded(str(error)) from None
                raise
        except NotGraded as error:
            self._finish(NOT_GRADED, str(error))
            self.log.error("NOT GRADED %s/%s: %s", self._record.student, self._record.assignment, error)
            raise
        except Exception as error:
            self._finish(NOT_GRADED, f"the grader failed on this notebook: {type(error).__name__}: {error}")
            raise
        self._finish(GRADED)
        return result

    async def async_start_new_kernel(self, **kwargs):
        # ExecutePreprocessor.preprocess re-reads the configuration (extra_arguments included)
        # just before it starts the kernel: add the guard here, not earlier.
        guard = f"--IPKernelApp.exec_lines={GUARD_INSTALL}"
        if self.guard_kernel and guard not in self.extra_arguments:
            self.extra_arguments = [*self.extra_arguments, guard]
        await super().async_start_new_kernel(**kwargs)
        self._record.sandboxed = bool(getattr(self.km, "sandboxed", False))
        self._sandbox_problem = getattr(self.km, "sandbox_problem", None)

    start_new_kernel = run_sync(async_start_new_kernel)

    def _finish(self, status: str, reason: str = "") -> None:
        record = self._record
        if record.sandboxed is False:
            problem = getattr(self, "_sandbox_problem", None) or "the kernel manager has no sandbox"
            self._notes.append(f"graded WITHOUT a sandbox ({problem})")
        # A graded notebook's reason column carries what the grader noted (limits hit, no sandbox).
        record.status, record.reason = status, reason or "; ".join(self._notes)
        record.seconds = round(time.monotonic() - self._started, 2)
        record.notes = self._notes
        try:
            write_status(_course_root(self), record)
        except OSError as error:  # the record is a report: never lose the grade over it
            self.log.warning("could not write the grading record: %s", error)

    # -- limits ---------------------------------------------------------------------------------
    def _remaining(self) -> float:
        return self.notebook_timeout - (time.monotonic() - self._started)

    def _get_timeout(self, cell):
        if cell is None:
            return self.cell_timeout
        limit = self.training_cell_timeout if cell.get("metadata", {}).get("dlcourse", {}).get("training") else self.cell_timeout
        timeout = max(1, int(min(limit, self._remaining())))
        if timeout < limit:
            message = (f"the notebook reached its time limit of {self.notebook_timeout} s while this cell ran, "
                       "so the cell was stopped. Make the earlier cells faster (or look for a loop that never ends).")
        else:
            message = (f"this cell ran longer than {limit} s and was stopped. Look for a loop that never "
                       "ends, or for work that is far bigger than the exercise needs.")
        self.error_on_timeout = {"ename": "CellTimeoutError", "evalue": message,
                                 "traceback": [f"CellTimeoutError: {message}"]}
        return timeout

    def output(self, outs, msg, display_id, cell_index):
        # Count what arrives rather than what is kept: a cell printing without end costs memory
        # in the grader, not only in the feedback.
        size = self._output_sizes.get(cell_index, 0) + len(json.dumps(msg.get("content", {})))
        self._output_sizes[cell_index] = size
        if size > self.max_output_characters:
            self._output_cut.add(cell_index)
            return None
        return super().output(outs, msg, display_id, cell_index)

    # -- the kernel guard ---------------------------------------------------------------------------
    async def _check_kernel(self, when: str) -> None:
        msg_id = self.kc.execute("", silent=True, store_history=False, user_expressions={"guard": GUARD_EXPRESSION})
        reply = await self.async_wait_for_reply(msg_id)
        content = (reply or {}).get("content", {})
        result = content.get("user_expressions", {}).get("guard", {})
        if result.get("status") != "ok":
            raise NotGraded(f"the grader could not check the kernel {when} ({result.get('ename', 'no reply')}: "
                            f"{result.get('evalue', '')})")
        verdict = result.get("data", {}).get("text/plain", "")
        if verdict not in ("''", '""'):
            raise NotGraded(f"the kernel was changed {when}: {verdict.strip(chr(39))}")

    async def async_execute_cell(self, cell, cell_index, execution_count=None, store_history=True):
        self._current_cell = cell_index + 1
        if cell.cell_type != "code" or not cell.source.strip():
            return await super().async_execute_cell(cell, cell_index, execution_count, store_history)
        test = _is_test_cell(cell)
        name = _nbgrader(cell).get("grade_id", f"cell {cell_index + 1}")
        if self._kernel_stuck or self._remaining() <= 0:
            why = ("an earlier cell could not be stopped" if self._kernel_stuck
                   else f"the notebook used up its {self.notebook_timeout} s")
            cell.outputs = [_error_output("NotRun", f"this cell was not run: {why}.")]
            return cell
        if test and self.guard_kernel:
            await self._check_kernel(f"before test cell {name!r}")
        try:
            cell = await super().async_execute_cell(cell, cell_index, execution_count, store_history)
        except CellTimeoutError:
            # The interrupt did not stop the cell (code that swallows KeyboardInterrupt): the
            # kernel is busy for good. The cell and every later one get a worded error.
            self._kernel_stuck = True
            self._notes.append(f"cell {cell_index + 1} could not be interrupted after its time limit")
            cell.outputs = [_error_output("CellTimeoutError", self.error_on_timeout["evalue"]
                                          + " The kernel could not be interrupted, so the rest of the notebook did not run.")]
            return cell
        if cell_index in self._output_cut:
            cell.outputs.append(NotebookNode(output_type="stream", name="stdout", text=(
                f"\n... output cut: this cell printed more than {self.max_output_characters} characters ...\n")))
            self._notes.append(f"output of cell {cell_index + 1} was cut")
        if any(o.output_type == "error" and o.ename == "CellTimeoutError" for o in cell.outputs):
            self._notes.append(f"cell {cell_index + 1} ({name}) hit its time limit")
        if test:
            for output in cell.outputs:
                if output.output_type == "stream" and output.name == "stderr":
                    output.name = "stdout"
            if self.guard_kernel:
                await self._check_kernel(f"while test cell {name!r} ran")
        return cell

    execute_cell = run_sync(async_execute_cell)


class RestoreMasterCells(NbGraderPreprocessor):
    """Grade the master's notebook with the student's answers, and nothing else of the student's.

    nbgrader restores test cells and locked cells from the gradebook but runs every other cell as
    the student left it, including cells the student added: code that runs outside any answer
    cell. This preprocessor rebuilds the notebook from the master in ``source/``: every cell is the
    master's, except answer cells (code and written), which are the student's cell with the same
    grade_id (the master's unanswered stub when the student deleted it). Runs after nbgrader's
    sanitizing preprocessors.
    """

    enabled = Bool(True).tag(config=True)

    def preprocess(self, nb, resources):
        from nbgrader.coursedir import CourseDirectory

        info = resources.get("nbgrader", {})
        coursedir = CourseDirectory(config=self.config)
        master_path = Path(coursedir.format_path(coursedir.source_directory, ".", info.get("assignment", "")),
                           f"{info.get('notebook', '')}.ipynb")
        release_path = Path(coursedir.format_path(coursedir.release_directory, ".", info.get("assignment", "")),
                            f"{info.get('notebook', '')}.ipynb")
        if not master_path.is_file():
            self.log.warning("no master %s: grading the submitted cells as they are", master_path)
            return nb, resources
        master = nbformat.read(master_path, as_version=4)
        release = nbformat.read(release_path, as_version=4) if release_path.is_file() else None
        answers = {_nbgrader(c)["grade_id"]: c for c in nb.cells if _is_answer_cell(c) and _nbgrader(c).get("grade_id")}
        stubs = {_nbgrader(c)["grade_id"]: c for c in (release.cells if release else []) if _is_answer_cell(c)}
        restored = {_nbgrader(c).get("grade_id"): c for c in nb.cells if _nbgrader(c).get("grade_id")}

        cells, used = [], set()
        for cell in master.cells:
            grade_id = _nbgrader(cell).get("grade_id")
            if _is_answer_cell(cell) and grade_id in answers:
                cells.append(answers[grade_id])
                used.add(id(answers[grade_id]))
            elif _is_answer_cell(cell):
                cells.append(stubs.get(grade_id, cell if release is None else _stub(cell)))
            elif grade_id in restored:
                # nbgrader already restored this test or locked cell from the gradebook
                cells.append(restored[grade_id])
                used.add(id(restored[grade_id]))
            else:
                copy = nbformat.from_dict(cell)
                if copy.cell_type == "code":
                    copy.outputs, copy.execution_count = [], None
                cells.append(copy)
        dropped = [c for c in nb.cells if id(c) not in used and c.get("source", "").strip()
                   and not _nbgrader(c).get("grade_id")]
        master_sources = {c.get("source", "") for c in master.cells}
        changed = [c for c in dropped if c.get("source", "") not in master_sources]
        if changed:
            note = nbformat.v4.new_markdown_cell(
                f"**Grader's note:** {len(changed)} cell(s) of your notebook are not part of the assignment "
                "(added or edited outside the answer cells), so they were not run while grading. Code an "
                "answer needs (a helper function, an import) belongs inside that exercise's answer cell.")
            cells.insert(0, note)
        nb.cells = cells
        return nb, resources


def _stub(cell: NotebookNode) -> NotebookNode:
    copy = nbformat.from_dict(cell)
    if copy.cell_type == "code":
        copy.source, copy.outputs, copy.execution_count = "raise NotImplementedError()", [], None
    else:
        copy.source = "YOUR ANSWER HERE"
    return copy


def _visible_part(source: str) -> str:
    """A test cell's source as students see it: hidden regions out, blank lines and trailing
    spaces ignored (nbgrader's release drops the region the same way)."""
    from .feedback import HIDDEN_REGION

    without = HIDDEN_REGION.sub("", source)
    return "\n".join(line.rstrip() for line in without.splitlines() if line.strip())


class OverwriteCellsReportingEdits(OverwriteCells):
    """nbgrader's ``OverwriteCells``, with warnings only for cells the student really edited.

    nbgrader compares a locked cell's checksum with the master's, hidden tests included; the
    student's copy never has them, so every test cell of every student was reported as changed,
    and a real edit drowned in that noise. Here a locked cell whose visible part equals the
    master's visible part is restored silently; an edited one is reported as such (and restored).
    """

    def preprocess(self, nb, resources):
        # nbgrader's DeduplicateIds keeps the first cell of a grade_id and takes the id off the
        # copies but leaves the rest of their nbgrader metadata; OverwriteCells then fails on a
        # cell without an id ("KeyError: 'grade_id'") and the notebook was not graded. A copy
        # without an id is no nbgrader cell: drop its metadata (RestoreMasterCells drops the cell).
        for cell in nb.cells:
            meta = cell.get("metadata", {})
            if "nbgrader" in meta and not meta["nbgrader"].get("grade_id"):
                del meta["nbgrader"]
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, cell_index):
        self._unchanged = False
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id is not None and cell.metadata.get("nbgrader", {}).get("locked"):
            try:
                master = self.gradebook.find_source_cell(grade_id, self.notebook_id, self.assignment_id)
                self._unchanged = _visible_part(cell.source) == _visible_part(master.source)
            except Exception:  # noqa: BLE001 - nbgrader's own handling below reports it
                pass
        return super().preprocess_cell(cell, resources, cell_index)

    def report_change(self, name, attr, old, new):
        if attr == "checksum" and getattr(self, "_unchanged", False):
            return
        if attr == "checksum":
            self.log.warning("Cell %s was edited by the student; it is graded as the master has it.", name)
            return
        super().report_change(name, attr, old, new)

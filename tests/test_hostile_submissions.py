"""The hostile-submission corpus (tests/hostile_corpus.py) graded through nbgrader's real autograde.

Three classes of the welcome chapter, one per layer of defence (see the corpus's docstring). In
each, an honest student is graded first; then the attackers are graded in one run. Every attacker
must end with its expected score or "not graded" reason; the honest student's grade, the gradebook
entry, the submitted files and the course's own files must be as they were before the attackers ran;
no process an attacker started may outlive the run; nothing may reach the loopback server.
"""

from __future__ import annotations

import hashlib
import shutil
import socket
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from course import REPO, grading_cells, read_notebook
from dlcourse.grading import ScratchCourse
from dlcourse.grading.sandbox import sandbox_available
from hostile_corpus import CORPUS, CORRECT, Attack, _answered

CHAPTER = "00_welcome"
TEST_CELL = "test_standardize"
# A shorter cell limit than the course's 30 s: the endless loops cost seconds, not minutes.
_QUICK = ["--TrustedExecute.cell_timeout=15"]
LAYERS = {
    "all": _QUICK,
    "guard": [*_QUICK, "--TrustedExecute.screen_answers=False"],
    "sandbox": [*_QUICK, "--TrustedExecute.screen_answers=False", "--TrustedExecute.guard_kernel=False"],
}
pytestmark = [pytest.mark.grading, pytest.mark.xdist_group("hostile")]


class _Listener:
    """A loopback TCP server that records whether anyone connected."""

    def __init__(self):
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen()
        self.socket.settimeout(0.2)
        self.port = self.socket.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self):
        while not self._stop.is_set():
            try:
                connection, _ = self.socket.accept()
            except OSError:
                continue
            self.connections += 1
            connection.close()

    def close(self):
        self._stop.set()
        self._thread.join()
        self.socket.close()


def _fingerprint(paths):
    digest = {}
    for path in paths:
        for file in sorted(p for p in ([path] if path.is_file() else path.rglob("*")) if p.is_file()):
            if "__pycache__" not in file.parts:
                digest[str(file)] = hashlib.sha256(file.read_bytes()).hexdigest()
    return digest


@dataclass
class GradedClass:
    course: ScratchCourse
    grades: dict
    honest_before: object
    files_before: dict
    files_after: dict
    listener_connections: int
    leftover_processes: str


def _student(attack: Attack) -> str:
    return attack.name


def _grade_layer(root: Path, layer: str) -> GradedClass:
    course = ScratchCourse(root, REPO, [CHAPTER], config=LAYERS[layer])
    course.submit("good", CHAPTER, _answered(read_notebook(course.release_notebook(CHAPTER))))
    honest_before = course.autograde(CHAPTER)["good"]
    listener = _Listener()
    attacks = [a for a in CORPUS if a.defences == layer]
    for attack in attacks:
        if attack.notebook is not None:
            content = attack.notebook(read_notebook(course.release_notebook(CHAPTER)))
            if content is None:  # the folder without the notebook
                (course.root / "submitted" / _student(attack) / CHAPTER).mkdir(parents=True)
                continue
        else:
            code = (attack.answer.replace("{ROOT}", str(course.root)).replace("{REPO}", str(REPO))
                    .replace("{PORT}", str(listener.port)))
            content = _answered(read_notebook(course.release_notebook(CHAPTER)), code)
        course.submit(_student(attack), CHAPTER, content)
    watched = [course.root / "gradebook.db", course.root / "submitted" / "good", course.root / "source",
               course.root / "nbgrader_config.py", REPO / "dlcourse"]
    before = _fingerprint(watched[1:])
    grades = course.autograde(CHAPTER)
    after = _fingerprint(watched[1:])
    listener.close()
    return GradedClass(course, grades, honest_before, before, after, listener.connections, "")


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    if sandbox_available() is not None:
        pytest.fail(f"the hostile corpus is graded with the sandbox on, but {sandbox_available()}")
    roots = {layer: tmp_path_factory.mktemp(f"hostile-{layer}") for layer in LAYERS}
    # The three classes share nothing (each has its own course, gradebook and listener, and nbgrader
    # runs as a subprocess in its course), so they are graded at once: their waits overlap (the
    # endless loops sit out the cell limit, a killed kernel is waited for).
    with ThreadPoolExecutor(len(LAYERS)) as pool:
        futures = {layer: pool.submit(_grade_layer, roots[layer], layer) for layer in LAYERS}
        classes = {layer: future.result() for layer, future in futures.items()}
    # Looked for once all three are graded: a process an attacker started must be gone by then,
    # and no class can see another's attacker still running.
    leftover = subprocess.run(["pgrep", "-af", "sleep 30.5"], capture_output=True, text=True).stdout
    for result in classes.values():
        result.leftover_processes = leftover
    yield classes
    for root in roots.values():
        shutil.rmtree(root, ignore_errors=True)


def test_the_corpus_covers_at_least_25_kinds_of_attack():
    assert len({a.kind for a in CORPUS}) >= 25
    assert len({a.name for a in CORPUS}) == len(CORPUS)


@pytest.mark.parametrize("attack", CORPUS, ids=[a.name for a in CORPUS])
def test_each_attack_gets_its_expected_outcome(graded, attack):
    grade = graded[attack.defences].grades[_student(attack)]
    if isinstance(attack.expect, str):
        words = attack.expect.removeprefix("not graded: ")
        assert grade.error is not None, f"{attack.name} ({attack.kind}) was graded: {grade.scores}"
        assert words.lower() in grade.error.lower(), f"{attack.name}: reason {grade.error!r} lacks {words!r}"
        assert not grade.scores or grade.total == 0
    else:
        assert grade.error is None, f"{attack.name} ({attack.kind}): not graded: {grade.error}"
        assert grade.scores == {TEST_CELL: attack.expect}, f"{attack.name} ({attack.kind}): {grade.scores}"
    if attack.note:
        assert attack.note.lower() in grade.notes.lower(), f"{attack.name}: notes {grade.notes!r}"


@pytest.mark.parametrize("layer", list(LAYERS))
def test_no_attacker_harms_anyone_else(graded, layer):
    result = graded[layer]
    assert result.honest_before.scores == {TEST_CELL: 2.0}
    assert result.grades["good"].scores == {TEST_CELL: 2.0}, "the honest student's grade changed"
    assert result.files_after == result.files_before, "an attack changed a course file"
    assert result.listener_connections == 0, "a kernel reached the grader's loopback"
    assert result.leftover_processes == "", f"processes outlived the notebook: {result.leftover_processes}"
    assert (result.course.root / "gradebook.db").stat().st_size > 1000
    assert not (result.course.root / "pwned").exists()


def test_every_graded_kernel_was_sandboxed(graded):
    for layer, result in graded.items():
        for student, grade in result.grades.items():
            if grade.error is None:
                assert grade.sandboxed, f"{layer}/{student} was graded without the sandbox"


def test_a_student_who_answers_outside_the_answer_cell_is_told_why(graded):
    course = graded["all"].course
    autograded = read_notebook(course.root / "autograded" / "added-cell" / CHAPTER / f"{CHAPTER}.ipynb")
    first = "".join(autograded["cells"][0]["source"])
    assert "not part of the assignment" in first and "answer cell" in first


def test_a_deleted_test_cell_is_restored(graded):
    course = graded["all"].course
    autograded = read_notebook(course.root / "autograded" / "deleted-test-cell" / CHAPTER / f"{CHAPTER}.ipynb")
    assert TEST_CELL in grading_cells(autograded)


def test_debug_output_is_still_shown(graded):
    course = graded["all"].course
    autograded = read_notebook(course.root / "autograded" / "debug-stderr" / CHAPTER / f"{CHAPTER}.ipynb")
    outputs = grading_cells(autograded)[TEST_CELL]["outputs"]
    shown = "".join("".join(o.get("text", "")) for o in outputs if o.get("name") == "stdout")
    assert "debug: shape" in shown


def test_export_says_not_graded_instead_of_zero(graded):
    result = graded["all"]
    rows = {r["student_id"]: r for r in result.course.export()}
    assert rows["good"]["status"] == "graded" and float(rows["good"]["raw_score"]) == 2.0
    for attack in CORPUS:
        if attack.defences == "all" and isinstance(attack.expect, str):
            row = rows[_student(attack)]
            assert row["status"] == "not graded" and row["raw_score"] == "" and row["reason"], row
    assert float(rows["endless-loop"]["raw_score"]) == 0.0 and rows["endless-loop"]["status"] == "graded"


def test_feedback_hides_the_hidden_tests(graded):
    course = graded["all"].course
    master = "".join(grading_cells(read_notebook(REPO / "source" / CHAPTER / f"{CHAPTER}.ipynb"))[TEST_CELL]["source"])
    assert "BEGIN HIDDEN TESTS" in master
    hidden = master.split("### BEGIN HIDDEN TESTS")[1].split("### END HIDDEN TESTS")[0]
    secret = max((line.strip() for line in hidden.splitlines()), key=len)
    pages = course.generate_feedback(CHAPTER)
    for student in ("good", "deleted-test-cell", "endless-loop"):
        page = pages[student].read_text()
        assert "Hidden tests run here" in page
        assert secret not in page, f"{student}'s feedback shows hidden test code: {secret!r}"


def test_correct_answer_is_the_reference_for_the_corpus():
    """The corpus's correct answer really is correct, so an attacker's 2 points are not a fluke."""
    import numpy as np

    namespace = {}
    exec(CORRECT, namespace)  # noqa: S102 - our own corpus text
    X = np.array([[1.0, 2.0], [3.0, 2.0], [5.0, 2.0]])
    out = namespace["standardize"](X)
    assert np.allclose(out.mean(axis=0), 0) and np.allclose(out[:, 0].std(), 1) and np.allclose(out[:, 1], 0)


class _PortTakenOnFirstAttempt(ScratchCourse):
    """Without the sandbox kernels use TCP: a course whose first ``autograde`` starts every kernel on
    a port another program holds, as when JupyterLab starts a kernel at the same moment."""

    def __init__(self, *args, taken_port: int, **kwargs):
        self.taken_port = taken_port
        self.autograde_runs = 0
        super().__init__(*args, **kwargs)

    def run(self, command, *arguments, check=True):
        if command == "autograde":
            self.autograde_runs += 1
            if self.autograde_runs == 1:
                # cache_ports=False: otherwise jupyter_client picks fresh ports and ignores this one.
                arguments = (*arguments, f"--KernelManager.shell_port={self.taken_port}",
                             "--KernelManager.cache_ports=False")
        return super().run(command, *arguments, check=check)


def test_an_unsandboxed_kernel_that_loses_its_port_is_graded_again(tmp_path):
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        course = _PortTakenOnFirstAttempt(tmp_path, REPO, [CHAPTER], taken_port=holder.getsockname()[1],
                                          config=["--SandboxedKernelManager.mode=off"])
        course.submit("good", CHAPTER, _answered(read_notebook(course.release_notebook(CHAPTER))))
        grades = course.autograde(CHAPTER)
    assert course.autograde_runs == 2, "the first attempt should have failed on the taken port, the second not"
    assert grades["good"].error is None
    assert grades["good"].scores == {TEST_CELL: 2.0}
    assert grades["good"].sandboxed is False and "WITHOUT a sandbox" in grades["good"].notes

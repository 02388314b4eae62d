"""The hostile-submission corpus: every kind of attack on the grader, with the outcome it must get.

Each entry is one student's notebook of the welcome chapter (one exercise, ``standardize``, worth
2 points). ``answer`` replaces the answer cell (``{ROOT}`` is the course directory, ``{REPO}`` the
repository, ``{PORT}`` a loopback port the test listens on); ``notebook`` (optional) changes the
whole notebook instead. ``expect`` is either ``"not graded: <words in the reason>"`` or the points
the submission must get; ``note`` (optional) is words the grader's record must contain.

``defences`` says which layer is under test: ``all`` (the configuration instructors use), ``guard``
(the screen switched off, so the kernel guard alone must notice) or ``sandbox`` (screen and guard
off, so the sandbox alone must contain the damage). Every layer is tested on its own, so that one
layer's gap is not hidden by another.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

CORRECT = '''import numpy as np

def standardize(X):
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    std = X.std(axis=0)
    std = np.where(std > 0, std, 1.0)
    return (X - mean) / std
'''


def _with(prefix: str = "", suffix: str = "", inside: str = "") -> str:
    """The correct answer with hostile lines before it, after it, or inside the function."""
    body = CORRECT if not inside else CORRECT.replace("    mean = X.mean(axis=0)", inside + "\n    mean = X.mean(axis=0)")
    return prefix + ("\n" if prefix else "") + body + ("\n" + suffix if suffix else "")


@dataclass(frozen=True)
class Attack:
    name: str
    kind: str  # what the student tries, in words
    expect: str | float
    answer: str | None = None
    notebook: Callable[[dict], dict | str | bytes] | None = None
    defences: str = "all"
    note: str | None = None


CORPUS: list[Attack] = [
    # -- changing how IPython runs later cells (the one-line full-marks hack) --------------------
    Attack("input-transformer", "an input transformer that empties every later cell, test cells included",
           "not graded: get_ipython", answer="get_ipython().input_transformers_cleanup.append(lambda lines: [])"),
    Attack("custom-exception-handler", "an exception handler that swallows every failed check",
           "not graded: get_ipython", answer=_with(suffix="get_ipython().set_custom_exc((Exception,), lambda *a, **k: None)")),
    Attack("run-cell-replaced", "the shell's run_cell replaced by a function that runs nothing",
           "not graded: get_ipython", answer="ip = get_ipython()\nip.run_cell = lambda *a, **k: None"),
    Attack("ast-transformer", "an AST transformer that deletes every statement",
           "not graded: get_ipython", answer="import ast\nget_ipython().ast_transformers.append(ast.NodeTransformer())"),
    Attack("line-magic", "an IPython magic in the answer cell", "not graded: magic",
           answer="%config InteractiveShell.ast_node_interactivity = 'none'\n" + CORRECT),
    Attack("shell-escape", "a shell command in the answer cell", "not graded: magic", answer="!cat /etc/passwd\n" + CORRECT),
    # -- patching what the tests use ----------------------------------------------------------
    Attack("checking-helpers-replaced", "the checking helpers replaced by no-ops",
           "not graded: grader's own module",
           answer="import dlcourse.checking as c\nc.check_close = lambda *a, **k: None\nc.check_true = lambda *a, **k: None"),
    Attack("numpy-patched", "np.allclose made to say yes to everything", "not graded: assigns to `np.allclose`",
           answer=_with(suffix="np.allclose = lambda *a, **k: True")),
    Attack("numpy-patched-through-alias", "a NumPy function patched through another name",
           "not graded: assigns to `t.assert_allclose`",
           answer=_with(suffix="t = np.testing\nt.assert_allclose = lambda *a, **k: None")),
    Attack("numpy-patched-through-parameter", "a module patched inside a function it is passed to (the screen cannot see it)",
           "not graded: kernel was changed",
           answer=_with(suffix="def quiet(module):\n    module.allclose = lambda *a, **k: True\n\nquiet(np)")),
    Attack("builtins-replaced", "AssertionError replaced through the builtins module", "not graded: imports `builtins`",
           answer="import builtins\nbuiltins.AssertionError = type('Never', (Exception,), {})"),
    Attack("builtins-by-name", "the builtins reached through __builtins__", "not graded: __builtins__",
           answer="__builtins__.print = None"),
    Attack("sys-modules", "a fake checking module planted in sys.modules", "not graded: sys.modules",
           answer="import sys, types\nsys.modules['dlcourse.checking'] = types.ModuleType('fake')"),
    Attack("settrace", "a trace function that rewrites the tests' local variables", "not graded: sys.settrace",
           answer=_with(suffix="import sys\nsys.settrace(lambda *a: None)")),
    Attack("globals-rebound", "the test cell's names rebound through globals()", "not graded: globals",
           answer=_with(suffix="globals()['check_close'] = lambda *a, **k: None")),
    Attack("eval-obfuscated", "forbidden names assembled from strings and evaluated", "not graded: eval",
           answer="eval('get_' + 'ipython()').input_transformers_cleanup.append(lambda lines: [])"),
    Attack("getattr-obfuscated", "a module attribute reached by a computed name", "not graded: getattr",
           answer=_with(suffix="setter = getattr(np, 'seterr')")),
    Attack("dunder-escape", "the classic escape through object.__subclasses__()", "not graded: __subclasses__",
           answer="classes = ().__class__.__base__.__subclasses__()"),
    Attack("gc-objects", "the tests' objects found through the garbage collector", "not graded: imports `gc`",
           answer="import gc\nobjects = gc.get_objects()"),
    Attack("inspect-frames", "the calling test's frame read and changed", "not graded: imports `inspect`",
           answer="import inspect\nframe = inspect.currentframe()"),
    Attack("ctypes", "memory written directly with ctypes", "not graded: imports `ctypes`",
           answer="import ctypes\nctypes.memset(0, 0, 1)"),
    Attack("thread-patches-later", "a thread that patches the tests after the screen has looked", "not graded: imports `threading`",
           answer="import threading\nthreading.Timer(0.1, print).start()"),
    # -- the course's files and the machine -----------------------------------------------------
    Attack("reads-master", "the master notebook with the solutions read from disk", "not graded: uses `open`",
           answer="print(open('{ROOT}/source/00_welcome/00_welcome.ipynb').read()[:100])"),
    Attack("pathlib-read", "course files read through pathlib", "not graded: imports `pathlib`",
           answer="from pathlib import Path\nprint(Path('{ROOT}/gradebook.db').read_bytes()[:10])"),
    Attack("os-system", "a shell command through os.system", "not graded: imports `os`", answer="import os\nos.system('id')"),
    Attack("background-process", "a process left running to change the gradebook later", "not graded: imports `subprocess`",
           answer="import subprocess\nsubprocess.Popen(['sh', '-c', 'sleep 3; rm -f {ROOT}/gradebook.db'])"),
    Attack("network", "a connection out of the grader", "not graded: imports `socket`",
           answer="import socket\nsocket.create_connection(('127.0.0.1', {PORT}))"),
    # -- the sandbox alone (screen and guard off): nothing outside the kernel's scratch changes ---
    Attack("sandbox-writes-gradebook", "gradebook.db overwritten", 0.0, defences="sandbox",
           answer="open('{ROOT}/gradebook.db', 'wb').write(b'gone')"),
    Attack("sandbox-overwrites-classmate", "another student's submission overwritten", 0.0, defences="sandbox",
           answer="open('{ROOT}/submitted/good/00_welcome/00_welcome.ipynb', 'w').write('{{}}')"),
    Attack("sandbox-edits-package", "the checking helpers' source file edited", 0.0, defences="sandbox",
           answer="open('{REPO}/dlcourse/checking.py', 'a').write('\\ncheck_close = print\\n')"),
    Attack("sandbox-edits-config", "nbgrader_config.py edited", 0.0, defences="sandbox",
           answer="open('{ROOT}/nbgrader_config.py', 'a').write('\\nc.Execute.timeout = 1\\n')"),
    Attack("sandbox-reads-master", "the master read from disk", 0.0, defences="sandbox",
           answer="print(open('{ROOT}/source/00_welcome/00_welcome.ipynb').read()[:100])"),
    Attack("sandbox-background-process", "a process left running after the notebook ends (the test looks for it)",
           2.0, defences="sandbox", answer=_with(prefix="import subprocess\nsubprocess.Popen(['sleep', '30.5'])")),
    Attack("sandbox-network", "a connection to a server on the grader's loopback", 2.0, defences="sandbox",
           answer=_with(prefix="import socket\ntry:\n    socket.create_connection(('127.0.0.1', {PORT}), timeout=2).sendall(b'pwned')\nexcept OSError:\n    pass")),
    Attack("sandbox-memory-bomb", "a 50 GB allocation", 0.0, defences="sandbox", answer="hog = bytearray(50 * 2**30)"),
    Attack("sandbox-kills-kernel", "the kernel process ended from inside", "not graded: kernel stopped",
           defences="sandbox", answer="import os\nos._exit(1)"),
    # -- the kernel guard alone (screen off): changes found at run time ----------------------------
    Attack("guard-input-transformer", "an input transformer (screen off)", "not graded: kernel was changed", defences="guard",
           answer="get_ipython().input_transformers_cleanup.append(lambda lines: [])"),
    Attack("guard-custom-exception", "an exception handler (screen off)", "not graded: kernel was changed", defences="guard",
           answer=_with(suffix="get_ipython().set_custom_exc((Exception,), lambda *a, **k: None)")),
    Attack("guard-checking-patched", "the checking helpers patched (screen off)", "not graded: kernel was changed",
           defences="guard", answer="import dlcourse.checking as c\nc.check_close = lambda *a, **k: None"),
    Attack("guard-run-cell", "run_cell replaced (screen off)", "not graded: could not check the kernel", defences="guard",
           answer="get_ipython().run_cell = lambda *a, **k: None"),
    Attack("guard-sys-modules", "a fake module in sys.modules (screen off)", "not graded: kernel was changed",
           defences="guard", answer="import sys, types\nsys.modules['dlcourse.checking'] = types.ModuleType('fake')"),
    # -- time, output and honest noise ------------------------------------------------------------
    Attack("endless-loop", "a loop that never ends", 0.0, answer="while True:\n    pass\n", note="time limit"),
    Attack("loop-ignores-interrupt", "a loop that swallows the interrupt", 0.0, note="could not be interrupted",
           answer="while True:\n    try:\n        while True:\n            pass\n    except BaseException:\n        pass\n"),
    Attack("output-flood", "megabytes of output", 2.0, note="output", answer=_with(prefix="for i in range(200000):\n    print('spam', i)")),
    Attack("debug-stderr", "a correct answer that prints debugging lines to stderr", 2.0,
           answer=_with(prefix="import sys", inside="    print('debug: shape', X.shape, file=sys.stderr)")),
    Attack("debug-logging", "a correct answer that logs a warning", 2.0,
           answer=_with(prefix="import logging", inside="    logging.warning('standardizing %s', X.shape)")),
    Attack("warns", "a correct answer that raises a warning", 2.0,
           answer=_with(prefix="import warnings", inside="    warnings.warn('a harmless warning', UserWarning)")),
]


# -- the notebook file itself ---------------------------------------------------------------------
def _cells_with(notebook: dict, grade_id: str) -> list[dict]:
    return [c for c in notebook["cells"] if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == grade_id]


def _answered(notebook: dict, code: str = CORRECT) -> dict:
    for cell in _cells_with(notebook, "standardize"):
        cell["source"] = code
    return notebook


def _delete_test_cell(notebook: dict) -> dict:
    notebook = _answered(notebook, "def standardize(X):\n    return X\n")
    notebook["cells"] = [c for c in notebook["cells"] if c not in _cells_with(notebook, "test_standardize")]
    return notebook


def _rewrite_test_cell(notebook: dict) -> dict:
    notebook = _answered(notebook, "def standardize(X):\n    return X\n")
    for cell in _cells_with(notebook, "test_standardize"):
        cell["source"] = "pass"
    return notebook


def _schema(version: int):
    def change(notebook: dict) -> dict:
        notebook = _answered(notebook)
        for cell in notebook["cells"]:
            if "nbgrader" in cell.get("metadata", {}):
                cell["metadata"]["nbgrader"]["schema_version"] = version
        return notebook
    return change


def _added_cell(notebook: dict) -> dict:
    """The answer cell left blank, the function defined in a cell the student added."""
    index = notebook["cells"].index(_cells_with(notebook, "standardize")[0])
    notebook["cells"].insert(index, {"cell_type": "code", "metadata": {}, "source": CORRECT, "outputs": [],
                                     "execution_count": None, "id": "added1"})
    return notebook


def _edited_setup_cell(notebook: dict) -> dict:
    """A correct answer, and the chapter's first code cell replaced by a hook on the test cells."""
    notebook = _answered(notebook)
    first = next(c for c in notebook["cells"] if c["cell_type"] == "code")
    first["source"] = "get_ipython().input_transformers_cleanup.append(lambda lines: [])\n" + "".join(first["source"])
    return notebook


def _duplicated_answer(notebook: dict) -> dict:
    """The answer cell pasted twice (same grade_id): a wrong first try, the right answer in the copy
    below it. nbgrader's rule, kept: the last copy of a grade_id counts."""
    notebook = _answered(notebook, "def standardize(X):\n    return X\n")
    cell = _cells_with(notebook, "standardize")[0]
    index = notebook["cells"].index(cell)
    copy = {**cell, "id": "dup1", "metadata": {**cell["metadata"]}, "source": CORRECT}
    notebook["cells"].insert(index + 1, copy)
    return notebook


CORPUS += [
    Attack("not-json", "a file that is not a notebook", "not graded: not a valid notebook",
           notebook=lambda nb: '{"cells": [ this is not a notebook'),
    Attack("empty-file", "an empty file", "not graded: not a valid notebook", notebook=lambda nb: b""),
    Attack("no-notebook", "a submission folder without the notebook", "not graded: no 00_welcome.ipynb was submitted",
           notebook=lambda nb: None),
    Attack("deleted-test-cell", "the test cell deleted (with a wrong answer)", 0.0, notebook=_delete_test_cell),
    Attack("rewritten-test-cell", "the test cell rewritten to `pass` (with a wrong answer)", 0.0, notebook=_rewrite_test_cell),
    Attack("old-metadata", "nbgrader metadata of an old schema", 2.0, notebook=_schema(1)),
    Attack("future-metadata", "nbgrader metadata of an unknown newer schema", 2.0, notebook=_schema(99)),
    Attack("added-cell", "the answer written in a cell the student added, not in the answer cell", 0.0,
           notebook=_added_cell, note=None),
    Attack("edited-setup-cell", "a hook planted in a setup cell instead of an answer cell", 2.0, notebook=_edited_setup_cell),
    Attack("duplicated-answer-cell", "the answer cell duplicated (same grade_id): graded, the last copy counts",
           2.0, notebook=_duplicated_answer),
]

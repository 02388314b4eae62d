"""The answer-cell screen: honest answers pass, tampering is named with its line."""

from __future__ import annotations

import pytest

from course import chapters, mutants, solved_answers
from dlcourse.grading.feedback import hide_hidden_region
from dlcourse.grading.screen import screen_code

HONEST = [(c, e, code) for c in chapters() for e, code in solved_answers(c).items()]


@pytest.mark.parametrize("chapter, exercise, code", HONEST, ids=[f"{c}/{e}" for c, e, _ in HONEST])
def test_every_solution_passes_the_screen(chapter, exercise, code):
    assert screen_code(code, exercise) == []


@pytest.mark.parametrize("mutant", [m for c in chapters() for m in mutants(c)], ids=lambda m: m.label)
def test_every_recorded_wrong_answer_passes_the_screen(mutant):
    """A mutant is a mistake, not an attack: it must be graded (and lose its points), not refused."""
    assert screen_code(mutant.code, mutant.exercise) == []


@pytest.mark.parametrize("code", [
    "import sys\nprint('debug', file=sys.stderr)",
    "import logging\nlogging.warning('x')",
    "from sys import stderr\nprint(1, file=stderr)",
    "class Value:\n    def __init__(self, data):\n        self.data = data\n        self._backward = lambda: None\n"
    "    def __add__(self, other):\n        out = Value(self.data + other.data)\n        out.grad = 0.0\n        return out",
    "def f(X):\n    '''Is this right?\n% of the data, ! marks'''\n    out = X.copy()\n    out[0] = 1\n    return out",
    "import numpy as np\nrng = np.random.default_rng(0)\nx = rng.normal(size=3)",
    "from dlcourse.data.digits import load_digits_split",
    "import torch\nfrom torch import nn\nlayer = nn.Linear(2, 3)\nlayer.weight.data[:] = 0",
])
def test_honest_code_of_many_kinds_passes(code):
    assert screen_code(code) == []


@pytest.mark.parametrize("code, words", [
    ("get_ipython().run_cell = None", "get_ipython"),
    ("%time x = 1", "magic"),
    ("import numpy as np\nnp.allclose = lambda *a, **k: True", "assigns to `np.allclose`"),
    ("import numpy\nm = numpy.testing\nm.assert_allclose = print", "assigns to `m.assert_allclose`"),
    ("import numpy as np\ndel np.allclose", "deletes `np.allclose`"),
    ("from dlcourse.checking import check_close", "grader's own module"),
    ("import dlcourse.grading", "grader's own module"),
    ("import sys\nsys.modules.clear()", "sys.modules"),
    ("import sys as s\ns.setprofile(None)", "sys.setprofile"),
    ("import os", "imports `os`"),
    ("x = open('/etc/passwd').read()", "uses `open`"),
    ("eval('1')", "uses `eval`"),
    ("exec('x = 1')", "uses `exec`"),
    ("f = getattr(object, 'x')", "uses `getattr`"),
    ("x = (1).__class__", "__class__"),
    ("__import__('os')", "__import__"),
    ("from . import x", "relative import"),
    ("from numpy import *", "`*`"),
    ("_dlcourse_guard = None", "grading kernel's name"),
])
def test_tampering_is_named(code, words):
    findings = screen_code(code, "ex")
    assert findings, f"not flagged: {code!r}"
    assert any(words in f.what for f in findings), [str(f) for f in findings]
    assert all(f.line >= 1 for f in findings)


def test_a_syntax_error_is_left_to_the_kernel():
    assert screen_code("def f(:\n    pass") == []


def test_feedback_hides_every_hidden_region_and_keeps_the_rest():
    source = ("check(a)\n### BEGIN HIDDEN TESTS\nsecret_oracle = 42\n### END HIDDEN TESTS\nvisible()\n"
              "    ### BEGIN HIDDEN TESTS\n    other_secret()\n    ### END HIDDEN TESTS\n")
    shown = hide_hidden_region(source)
    assert "secret_oracle" not in shown and "other_secret" not in shown
    assert shown.startswith("check(a)\n") and "visible()" in shown
    assert shown.count("Hidden tests run here") == 2


@pytest.mark.parametrize("chapter", chapters())
def test_a_released_test_cell_counts_as_unedited(chapter):
    """autograde warns about edited test cells only: the student's copy (no hidden tests) must
    match the master's visible part exactly, for every test cell of every chapter."""
    from course import grading_cells, master_path, read_notebook, source_text, view_path
    from dlcourse.grading.execute import _visible_part

    master = grading_cells(read_notebook(master_path(chapter)))
    release = grading_cells(read_notebook(view_path("notebooks", chapter)))
    assert master.keys() == release.keys()
    for grade_id in master:
        assert _visible_part(source_text(release[grade_id])) == _visible_part(source_text(master[grade_id])), grade_id
    edited = source_text(next(iter(release.values()))) + "\npass"
    assert _visible_part(edited) != _visible_part(source_text(next(iter(master.values()))))

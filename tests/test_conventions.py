"""The structure every chapter follows (see CONVENTIONS.md): checked on the masters in source/."""

from __future__ import annotations

import ast
import re

import pytest

from course import (
    REPO,
    answer_cells,
    chapters,
    grading_cells,
    master_path,
    mutants,
    nbgrader_metadata,
    read_notebook,
    source_text,
    view_path,
)

CHAPTERS = chapters()


def test_the_course_has_its_first_chapters():
    assert CHAPTERS[:2] == ["00_welcome", "01_linear_regression_mle"]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_master_and_student_notebooks_carry_no_outputs(chapter):
    for path in (master_path(chapter), view_path("notebooks", chapter)):
        dirty = [
            cell.get("id") for cell in read_notebook(path)["cells"]
            if cell["cell_type"] == "code" and (cell.get("outputs") or cell.get("execution_count"))
        ]
        assert not dirty, f"{path.relative_to(REPO)} has outputs in cells {dirty}: clear them before committing"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_exercise_has_one_test_cell_with_points(chapter):
    notebook = read_notebook(master_path(chapter))
    answers = answer_cells(notebook)
    tests = grading_cells(notebook)
    assert answers, f"{chapter} has no autograded exercise"
    assert set(tests) == {f"test_{name}" for name in answers}, (
        f"{chapter}: every answer cell NAME needs exactly one test cell test_NAME; "
        f"answers {sorted(answers)}, tests {sorted(tests)}"
    )
    for name, cell in tests.items():
        assert nbgrader_metadata(cell).get("points", 0) > 0, f"{chapter}/{name} gives no points"
        assert nbgrader_metadata(cell).get("locked"), f"{chapter}/{name} must be locked (read-only)"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_answer_cells_keep_signature_and_hide_only_the_body(chapter):
    for name, cell in answer_cells(read_notebook(master_path(chapter))).items():
        source = source_text(cell)
        assert "### BEGIN SOLUTION" in source and "### END SOLUTION" in source, f"{chapter}/{name}: no solution region"
        tree = ast.parse(source.replace("### BEGIN SOLUTION", "").replace("### END SOLUTION", ""))
        functions = [node.name for node in tree.body if isinstance(node, ast.FunctionDef)]
        assert name in functions, f"{chapter}: answer cell {name} must define a function named {name}"
        assert source.index("def ") < source.index("### BEGIN SOLUTION"), (
            f"{chapter}/{name}: the signature must stay outside the solution region"
        )


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_test_cells_have_hidden_checks_and_end_in_a_statement(chapter):
    for name, cell in grading_cells(read_notebook(master_path(chapter))).items():
        source = source_text(cell)
        assert "### BEGIN HIDDEN TESTS" in source and "### END HIDDEN TESTS" in source, (
            f"{chapter}/{name} has no hidden tests: the visible checks alone cannot grade"
        )
        # nbgrader reads a trailing expression's value as partial credit; only calls that
        # return None (passed(...), print(...)) may end a test cell.
        last = ast.parse(source).body[-1]
        if isinstance(last, ast.Expr):
            assert isinstance(last.value, ast.Call) and getattr(last.value.func, "id", "") in {"passed", "print"}, (
                f"{chapter}/{name} ends in an expression, which nbgrader would read as partial credit"
            )


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_exercise_has_at_least_three_recorded_mutants(chapter):
    names = set(answer_cells(read_notebook(master_path(chapter))))
    recorded = mutants(chapter)
    unknown = {m.exercise for m in recorded} - names
    assert not unknown, f"tests/mutants/{chapter} has folders for unknown exercises {sorted(unknown)}"
    for name in names:
        count = sum(m.exercise == name for m in recorded)
        assert count >= 3, f"{chapter}/{name} has {count} recorded mutants; record at least three realistic mistakes"
    for mutant in recorded:
        doc = ast.get_docstring(ast.parse(mutant.code))
        assert doc, f"{mutant.path.relative_to(REPO)} needs a docstring saying which mistake it makes"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_notebook_uses_the_course_kernel(chapter):
    kernelspec = read_notebook(master_path(chapter))["metadata"]["kernelspec"]
    assert kernelspec["name"] == "python3"


EXERCISE_HEADING = re.compile(r"^#{2,4} Exercise [0-9.]+ · (warm-up|derive|build|decide|explain) · ★{1,3} — \S")


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_exercise_heading_states_its_kind_and_level(chapter):
    """CONVENTIONS.md: each exercise heading marks what the student does and how hard it is."""
    headings = [line for cell in read_notebook(master_path(chapter))["cells"] if cell["cell_type"] == "markdown"
                for line in source_text(cell).splitlines() if re.match(r"^#{2,4} Exercise\b", line)]
    assert headings, f"{chapter} has no exercise headings"
    bad = [h for h in headings if not EXERCISE_HEADING.match(h)]
    assert not bad, f"{chapter}: headings without '· kind · level —': {bad}"


@pytest.mark.parametrize("chapter", [c for c in CHAPTERS if not c.startswith("00")])
def test_every_chapter_asks_written_questions(chapter):
    """A few short written answers per chapter, graded by hand (nbgrader manual-graded cells)."""
    written = [c for c in read_notebook(master_path(chapter))["cells"]
               if c["cell_type"] == "markdown" and nbgrader_metadata(c).get("solution") and nbgrader_metadata(c).get("grade")]
    assert len(written) >= 2, f"{chapter} has {len(written)} written questions"
    for cell in written:
        assert 0 < nbgrader_metadata(cell)["points"] <= 3


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_no_cell_but_a_test_cell_imports_the_reference_of_an_exercise(chapter):
    """The package's version of an exercise is not put in the student's namespace by a setup or
    demo cell (CONVENTIONS.md: the reference implementations are not the answer key)."""
    notebook = read_notebook(master_path(chapter))
    names = set(answer_cells(notebook))
    for cell in notebook["cells"]:
        meta = nbgrader_metadata(cell)
        if cell["cell_type"] != "code" or meta.get("grade") or meta.get("solution"):
            continue
        for node in ast.walk(ast.parse(source_text(cell))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("dlcourse"):
                imported = {a.asname or a.name for a in node.names} | {a.name for a in node.names}
                clash = imported & (names | {f"reference_{n}" for n in names})
                assert not clash, f"{chapter}: a setup/demo cell imports {sorted(clash)} from {node.module}"


# -- mistake identifiers: every worded diagnosis of a test cell is countable --------------------------
GENERIC_IDS = {"check-failed", "wrong-value"}  # the fallbacks a chapter-specific diagnosis must not use
MISTAKE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def parsed_test_cell(source: str) -> ast.Module:
    """A test cell's code as Python, IPython syntax (magics, ``!shell``) turned into calls as the
    kernel would; a cell magic's body is parsed as the code it runs. Line numbers are kept."""
    from IPython.core.inputtransformer2 import TransformerManager

    lines = source.splitlines(keepends=True)
    blank = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    if blank < len(lines) and lines[blank].lstrip().startswith("%%"):
        lines[blank] = "pass\n"  # the body of %%time and the like is ordinary code
    # IPython drops leading blank lines: put them back so that line numbers match the cell's.
    return ast.parse("\n" * blank + TransformerManager().transform_cell("".join(lines[blank:])))


def _called_name(call: ast.Call) -> str:
    return getattr(call.func, "id", None) or getattr(call.func, "attr", "")


def _keyword(call: ast.Call, name: str) -> ast.keyword | None:
    return next((k for k in call.keywords if k.arg == name), None)


def mistake_id_problems(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, what is wrong) for every chapter-specific diagnosis without its own identifier:
    a ``check_true`` without ``mistake=``, a plain-string key in a ``mistakes=`` (or ``*_mistakes=``)
    dict literal, a ``CheckFailed(message)`` without its identifier, or an identifier literal that
    is not lower-case words joined by hyphens."""
    problems: list[tuple[int, str]] = []

    def check_literal(node: ast.AST, where: str, generic_allowed: bool = True) -> None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if not MISTAKE_ID.match(node.value):
                problems.append((node.lineno, f"{where}: {node.value!r} is not lower-case words joined by hyphens"))
            elif not generic_allowed and node.value in GENERIC_IDS:
                problems.append((node.lineno, f"{where}: {node.value!r} is the generic fallback; name the mistake"))

    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _called_name(node)
        if name == "check_true":
            given = _keyword(node, "mistake")
            if given is None:
                problems.append((node.lineno, "check_true(...) without mistake=\"the-mistake-id\""))
            else:
                check_literal(given.value, "check_true's mistake=", generic_allowed=False)
        elif name == "CheckFailed":
            given = node.args[1] if len(node.args) > 1 else getattr(_keyword(node, "mistake"), "value", None)
            if given is None:
                problems.append((node.lineno, "CheckFailed(message) without its mistake identifier as second argument"))
            else:
                check_literal(given, "CheckFailed's identifier", generic_allowed=False)
        elif name in {"check_close", "check_shape", "check_raises"} and _keyword(node, "mistake"):
            check_literal(_keyword(node, "mistake").value, f"{name}'s mistake=")
        for keyword in node.keywords:
            if not (keyword.arg == "mistakes" or (keyword.arg or "").endswith("_mistakes")):
                continue
            if not isinstance(keyword.value, ast.Dict):
                continue  # a variable: the dict literal it names is checked where it is passed in
            for key in keyword.value.keys:
                if key is None:  # {**other}
                    continue
                if not (isinstance(key, ast.Tuple) and len(key.elts) == 2):
                    problems.append((key.lineno, f"a {keyword.arg}= key that is not (\"mistake-id\", \"explanation\")"))
                else:
                    check_literal(key.elts[0], f"a {keyword.arg}= key's identifier", generic_allowed=False)
    return sorted(problems)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_diagnosis_in_a_test_cell_has_a_mistake_identifier(chapter):
    """The instructor's class report counts mistakes by identifier (dlcourse.checking): a worded
    diagnosis without its own identifier would be counted as the generic check-failed/wrong-value."""
    found = [f"{name}, line {line}: {problem}"
             for name, cell in grading_cells(read_notebook(master_path(chapter))).items()
             for line, problem in mistake_id_problems(parsed_test_cell(source_text(cell)))]
    assert not found, f"{chapter}: diagnoses without a mistake identifier:\n" + "\n".join(found)


def test_the_mistake_identifier_check_catches_each_kind_of_omission():
    code = '''
check_true(ok, "Rows must sum to 1.", mistake="rows-not-normalized")
check_true(ok, "No identifier.")
check_close(x, 1.0, call="f()", mistakes={("sum-not-mean", "That is the sum."): 3.0, "A plain key.": 2.0})
check_loss(W, loss_mistakes={"Another plain key.": 1.0})
raise CheckFailed(message, "divides-by-zero")
raise CheckFailed(message)
check_true(ok, "Bad id.", mistake="Not_Kebab")
check_true(ok, "Generic id.", mistake="check-failed")
check_close(x, 1.0, call="f()", hint="A hint only: the generic id is fine.")
'''
    problems = mistake_id_problems(parsed_test_cell(code))
    assert [line for line, _ in problems] == [3, 4, 5, 7, 8, 9], problems
    magic = '%%time\ncheck_true(ok, "No identifier.")\n'
    assert [line for line, _ in mistake_id_problems(parsed_test_cell(magic))] == [2]
    assert [line for line, _ in mistake_id_problems(parsed_test_cell('!ls\ncheck_true(ok, "m")\n'))] == [2]


# -- the visible part of a test cell checks the answer; it does not show one -------------------------
# A student reads the visible part of every test cell (it is in notebooks/). Code there that computes
# an exercise's result (a reference written out, an oracle spelled in NumPy or torch, the decision of
# a decide exercise) hands that exercise over. Such code belongs in the hidden region; visible checks
# compare with values worked by hand, with properties, or with one call of a package reference or a
# library function that the answer is forbidden to call.
HIDDEN_MARKER = "### BEGIN HIDDEN TESTS"
ANSWER_LIKE_NAME = re.compile(r"reference|oracle|expected|^torch_|brute_force|exact|correct|solution", re.I)
# A visible check may swap in a stand-in that returns canned results (a table of accuracies for a
# decide exercise), named so that a reader sees it computes nothing: ``stand_in_*`` or ``fake_*``.
STAND_IN_NAME = re.compile(r"^(stand_in|fake)_")


HIDDEN_REGION = re.compile(r"^[ \t]*### BEGIN HIDDEN TESTS[ \t]*\n.*?^[ \t]*### END HIDDEN TESTS[ \t]*$", re.M | re.S)


def visible_part(source: str) -> str:
    """What the student's copy of a test cell holds: the cell without its hidden regions (a cell may
    have several, and visible checks after one), lines kept blank so that line numbers match."""
    return HIDDEN_REGION.sub(lambda m: "\n" * m.group(0).count("\n"), source)


def visible_answer_code(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, what) for code in a test cell's visible region that looks like an answer: a function or
    class named as a reference, an oracle or an expected result, and any function the cell defines
    itself and then swaps in for the student's with ``reference_versions``."""
    problems: list[tuple[int, str]] = []
    defined: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            defined.add(node.name)
            if ANSWER_LIKE_NAME.search(node.name):
                problems.append((node.lineno, f"defines {node.name!r}, which computes an answer, in the visible part"))
        elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Lambda):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    defined.add(target.id)
                    if ANSWER_LIKE_NAME.search(target.id):
                        problems.append((node.lineno, f"defines {target.id!r}, which computes an answer, in the "
                                                      "visible part"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _called_name(node) == "reference_versions":
            for keyword in node.keywords:
                if isinstance(keyword.value, ast.Name) and STAND_IN_NAME.match(keyword.value.id):
                    continue  # a test double: canned results, no computation an exercise asks for
                if isinstance(keyword.value, (ast.Name, ast.Lambda)) and (
                        isinstance(keyword.value, ast.Lambda) or keyword.value.id in defined):
                    problems.append((node.lineno, f"swaps in a {keyword.arg} written in the visible part; import the "
                                                  "package's version or move it under the hidden marker"))
    return sorted(problems)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_visible_checks_show_no_answer(chapter):
    """What students see of a test cell holds no reference, oracle or expected-decision code."""
    found = []
    for name, cell in grading_cells(read_notebook(master_path(chapter))).items():
        visible = visible_part(source_text(cell))
        found += [f"{name}, line {line}: {problem}" for line, problem in visible_answer_code(parsed_test_cell(visible))]
    assert not found, f"{chapter}: visible test code that gives an answer away:\n" + "\n".join(found)


def test_the_visible_part_is_the_cell_without_every_hidden_region():
    cell = ("a = 1\n### BEGIN HIDDEN TESTS\ndef reference_a():\n    pass\n### END HIDDEN TESTS\n"
            "def oracle_b():\n    pass\n### BEGIN HIDDEN TESTS\nhidden = 2\n### END HIDDEN TESTS\nc = 3\n")
    visible = visible_part(cell)
    assert "reference_a" not in visible and "hidden" not in visible and "oracle_b" in visible and "c = 3" in visible
    assert [line for line, _ in visible_answer_code(parsed_test_cell(visible))] == [6]


def test_the_visible_answer_check_catches_written_out_references():
    code = '''
import dlcourse.scratch.layers as layers_reference
def reference_forward(x):
    return x @ w
def attention_oracle(q, k):
    return q
expected_mask = lambda n: n
def helper(x):
    return 2 * x
class ExactPredictor:
    pass
def check_forward(x, call):
    with reference_versions(globals(), forward=helper, backward=layers_reference.linear_backward):
        return call_answer(model, x, call=call)
with reference_versions(globals(), step=lambda x: x):
    pass
def stand_in_train(config):
    return {"adam": 0.9}[config]
with reference_versions(globals(), train=stand_in_train):
    pass
'''
    lines = [line for line, _ in visible_answer_code(parsed_test_cell(code))]
    assert lines == [3, 5, 7, 10, 13, 15], visible_answer_code(parsed_test_cell(code))

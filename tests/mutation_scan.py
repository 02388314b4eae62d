"""Look for wrong answers nobody recorded: mutate each solution automatically and see which
mutations its test cell still passes.

The recorded mutants (tests/mutants/) are the mistakes an author imagined. This script makes the
mistakes nobody imagined, mechanically: every small change of the solution's code that a slip of
the hand could make (``+`` for ``-``, ``<`` for ``<=``, ``axis=0`` for ``axis=1``, a constant off by
one, ``keepdims`` dropped, a ``.copy()`` or a wrapping call left out, a minus sign lost, an update
``+=`` forgotten). It grades each one with the exercise's test cell, hidden tests included, in one
kernel (as tests/mutant_kernel.py does for the recorded ones), and lists the ones that pass.

A surviving mutation is either equivalent to the solution (``x * 2`` and ``x + x``; an epsilon
that does not matter) or a wrong answer the test misses: read each one and decide. Survivors that
are real mistakes are worth recording as mutants and catching.

    .venv/bin/python tests/mutation_scan.py 03_multivariate_softmax [--exercise stable_softmax]
        [--limit 60] [--timeout 30]
"""

from __future__ import annotations

import argparse
import ast
import copy
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from course import master_path, nbgrader_metadata, read_notebook, solution_code, source_text  # noqa: E402

_SWAPPED_OPERATORS = {
    ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult, ast.FloorDiv: ast.Div,
    ast.Pow: ast.Mult, ast.Mod: ast.FloorDiv,
}
_SWAPPED_COMPARISONS = {
    ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq, ast.NotEq: ast.Eq,
    ast.Is: ast.IsNot, ast.IsNot: ast.Is, ast.In: ast.NotIn, ast.NotIn: ast.In,
}
_AXIS_KEYWORDS = {"axis", "dim"}
_FLAG_KEYWORDS = {"keepdims", "keepdim", "unbiased", "inplace", "causal", "training", "descending"}
# Conversions (float(), np.asarray(..., dtype=float)) are left alone: leaving them out almost always
# gives the same numbers (np.float64 is a float), and the tests check integer input separately.
_UNWRAPPED_CALLS = {"copy", "astype", "abs", "sqrt", "exp", "log", "clip", "maximum", "minimum", "mean", "sum",
                    "detach", "clone", "double", "square"}
_KEPT_KEYWORDS = {"dtype", "device", "out"}


@dataclass(frozen=True)
class Mutation:
    """One automatic change of an answer: where, what, and the answer cell's new code."""

    line: int
    description: str
    code: str


def _constant_variants(value):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return []
    if isinstance(value, int):
        return [value + 1] + ([value - 1] if value != 0 else [])
    if value == 0.0 or abs(value) < 1e-6:  # epsilons: changing them is almost always equivalent
        return []
    return [value * 2, value / 2] + ([1.0 - value] if 0 < value < 1 else [])


def _axis_variants(node: ast.expr):
    if isinstance(node, ast.Constant) and isinstance(node.value, int) and not isinstance(node.value, bool):
        return [ast.Constant(v) for v in (0, 1, -1, None) if v != node.value]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):  # axis=-1
        return [ast.Constant(0), ast.Constant(None)]
    return []


class _Sites(ast.NodeVisitor):
    """Every place a mutation can be made, in a fixed order: (node, what, apply(copy_of_node))."""

    def __init__(self):
        self.sites: list[tuple[ast.AST, str, object]] = []

    def add(self, node, description, apply):
        self.sites.append((node, description, apply))

    def visit_BinOp(self, node):
        swapped = _SWAPPED_OPERATORS.get(type(node.op))
        if swapped:
            self.add(node, f"{type(node.op).__name__} -> {swapped.__name__}",
                     lambda n, s=swapped: setattr(n, "op", s()))
        if isinstance(node.op, (ast.Add, ast.Sub)):  # a term left out: a + b -> a
            self.add(node, "right operand of +/- dropped", lambda n: n.left)
        self.generic_visit(node)

    def visit_AugAssign(self, node):
        swapped = _SWAPPED_OPERATORS.get(type(node.op))
        if swapped:
            self.add(node, f"{type(node.op).__name__}= -> {swapped.__name__}=",
                     lambda n, s=swapped: setattr(n, "op", s()))
        self.add(node, "update statement left out", lambda n: ast.Pass())
        self.generic_visit(node)

    def visit_Compare(self, node):
        for index, op in enumerate(node.ops):
            swapped = _SWAPPED_COMPARISONS.get(type(op))
            if swapped:
                self.add(node, f"{type(op).__name__} -> {swapped.__name__}",
                         lambda n, i=index, s=swapped: n.ops.__setitem__(i, s()))
        self.generic_visit(node)

    def visit_UnaryOp(self, node):
        if isinstance(node.op, ast.USub):
            self.add(node, "minus sign lost", lambda n: n.operand)
        elif isinstance(node.op, ast.Not):
            self.add(node, "'not' lost", lambda n: n.operand)
        self.generic_visit(node)

    def visit_Constant(self, node):
        for variant in _constant_variants(node.value):
            self.add(node, f"constant {node.value!r} -> {variant!r}", lambda n, v=variant: setattr(n, "value", v))

    def visit_Call(self, node):
        for index, keyword in enumerate(node.keywords):
            if keyword.arg in _AXIS_KEYWORDS:
                for variant in _axis_variants(keyword.value):
                    self.add(node, f"{keyword.arg}={ast.unparse(keyword.value)} -> {keyword.arg}={variant.value!r}",
                             lambda n, i=index, v=variant: setattr(n.keywords[i], "value", v))
            elif keyword.arg in _FLAG_KEYWORDS and isinstance(keyword.value, ast.Constant):
                self.add(node, f"{keyword.arg}={keyword.value.value!r} flipped",
                         lambda n, i=index: setattr(n.keywords[i], "value", ast.Constant(not n.keywords[i].value.value)))
            elif keyword.arg is not None and keyword.arg not in _KEPT_KEYWORDS:
                self.add(node, f"argument {keyword.arg}= left out (default used)",
                         lambda n, i=index: n.keywords.pop(i) and None)
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name in _UNWRAPPED_CALLS:
            if isinstance(node.func, ast.Attribute) and not node.args and name in {"copy", "detach", "clone",
                                                                                   "double", "sum", "mean"}:
                self.add(node, f".{name}() left out", lambda n: n.func.value)
            elif node.args:
                self.add(node, f"{name}(...) left out", lambda n: n.args[0])
        self.generic_visit(node)

    def visit_JoinedStr(self, node):  # messages: mutating them changes nothing a test should check
        return

    def visit_Raise(self, node):  # the error a function raises is checked by its own tests
        return


def mutations(code: str) -> list[Mutation]:
    """Every single-site mutation of an answer cell's code inside its function bodies, deduplicated,
    in source order. Code outside a ``def`` (imports, constants) is left alone."""
    tree = ast.parse(code)
    original = ast.unparse(tree)
    found: dict[str, Mutation] = {}
    functions = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    visitor = _Sites()
    for function in functions:
        for statement in function.body:
            if (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)
                    and isinstance(statement.value.value, str)):
                continue  # the docstring
            visitor.visit(statement)
    for target, description, apply in visitor.sites:
        mutated = copy.deepcopy(tree)
        # find the same node in the copy: walk order is deterministic
        originals = list(ast.walk(tree))
        copies = list(ast.walk(mutated))
        node = copies[next(i for i, n in enumerate(originals) if n is target)]
        replacement = apply(node)
        if isinstance(replacement, ast.AST):
            _replace(mutated, node, replacement)
        ast.fix_missing_locations(mutated)
        try:
            text = ast.unparse(mutated)
            compile(text, "<mutation>", "exec")
        except (SyntaxError, ValueError):
            continue
        if text != original and text not in found:
            found[text] = Mutation(getattr(target, "lineno", 0), description, text)
    return sorted(found.values(), key=lambda m: m.line)


def _replace(tree: ast.AST, old: ast.AST, new: ast.AST) -> None:
    for parent in ast.walk(tree):
        for field, value in ast.iter_fields(parent):
            if value is old:
                setattr(parent, field, new)
                return
            if isinstance(value, list) and any(item is old for item in value):
                value[[i for i, item in enumerate(value) if item is old][0]] = new
                return


def _spread(items: list, limit: int) -> list:
    """At most ``limit`` items spread evenly over the list (so every part of the code is tried)."""
    if len(items) <= limit:
        return items
    step = len(items) / limit
    return [items[int(i * step)] for i in range(limit)]


def scan(chapter: str, only: set[str] | None = None, limit: int = 60, timeout: float = 30.0, log=print):
    """{exercise: (tried, survivors)} for the chapter's exercises (or ``only`` those)."""
    import mutant_kernel

    mutant_kernel.CELL_TIMEOUT = timeout
    master = read_notebook(master_path(chapter))
    answers = {nbgrader_metadata(c)["grade_id"]: solution_code(c) for c in master["cells"]
               if c["cell_type"] == "code" and nbgrader_metadata(c).get("solution")}
    results: dict[str, tuple[int, list[Mutation]]] = {}
    with tempfile.TemporaryDirectory(prefix=f"scan-{chapter}-") as folder:
        kernel = mutant_kernel._Kernel(Path(folder))
        try:
            for cell in master["cells"]:
                if cell["cell_type"] != "code":
                    continue
                meta = nbgrader_metadata(cell)
                code = solution_code(cell) if meta.get("solution") else source_text(cell)
                exercise = meta.get("grade_id", "").removeprefix("test_")
                if not (meta.get("grade") and not meta.get("solution") and exercise in answers
                        and (only is None or exercise in only)):
                    kernel.run(code)
                    continue
                tried = _spread(mutations(answers[exercise]), limit)
                survivors = []
                start = time.perf_counter()
                for mutation in tried:
                    kernel.run(mutation.code)
                    try:
                        outcome = kernel.run(code)
                    except TimeoutError:
                        kernel.manager.interrupt_kernel()
                        kernel.client.get_shell_msg(timeout=timeout)
                        outcome = mutant_kernel.Outcome("TimeoutError")
                    if outcome.ename is None:
                        survivors.append(mutation)
                    kernel.run(answers[exercise])
                results[exercise] = (len(tried), survivors)
                log(f"{exercise}: {len(tried)} mutations, {len(survivors)} pass the test "
                    f"({time.perf_counter() - start:.1f} s)")
                for mutation in survivors:
                    log(f"    line {mutation.line}: {mutation.description}")
                kernel.run(code)
        finally:
            kernel.close()
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("chapter")
    parser.add_argument("--exercise", action="append", help="only this exercise (repeatable)")
    parser.add_argument("--limit", type=int, default=60, help="at most this many mutations per exercise")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds a test cell may take")
    parser.add_argument("--show", action="store_true", help="print each survivor's whole code")
    arguments = parser.parse_args(argv)
    results = scan(arguments.chapter, set(arguments.exercise) if arguments.exercise else None,
                   arguments.limit, arguments.timeout)
    if arguments.show:
        for exercise, (_, survivors) in results.items():
            for mutation in survivors:
                print(f"\n# {exercise}, line {mutation.line}: {mutation.description}\n{mutation.code}")
    total = sum(n for n, _ in results.values())
    alive = sum(len(s) for _, s in results.values())
    print(f"{arguments.chapter}: {alive} of {total} automatic mutations pass their tests")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Screen a student's answer cells before they run: code that tampers with the grader is not graded.

A test cell runs in the same Python process as the student's code, so a student who can reach the
interpreter's machinery can change the verdict: hook IPython so that test cells never run, replace
the checking helpers with no-ops, read the masters from disk, or patch NumPy so every comparison
holds. Answer cells of this course need none of that. This module reads each answer cell's syntax
tree (never running it) and lists what such code would need:

- the interpreter and the notebook machinery: ``get_ipython``, IPython, ``sys`` beyond printing
  to ``sys.stdout``/``sys.stderr``, ``gc``, ``inspect``, ``ctypes``, ``importlib``, ``builtins``;
- the file system, processes and the network: ``open``, ``os``, ``subprocess``, ``socket``,
  ``pathlib``, ``shutil``, ``signal``, threads and multiprocessing;
- running text as code or reaching objects by name: ``eval``, ``exec``, ``compile``,
  ``__import__``, ``getattr``/``setattr``/``delattr``, ``globals``/``locals``/``vars``, any dunder
  attribute such as ``__class__`` or ``__code__``;
- changing a module: assigning to or deleting an attribute of an imported module (``np.allclose
  = ...``), directly or through another name bound to it;
- the grader itself: ``dlcourse.grading`` and ``dlcourse.checking``, and names the grading kernel
  uses (``_dlcourse...``);
- IPython magics and shell escapes (``%...``, ``!...``), which run outside Python's syntax.

Imports are allowed from a short list (:data:`ALLOWED_IMPORTS`): what the chapters use. Anything
else is reported, so an unexpected module is a question for the instructor, not a silent pass.

A finding is not a verdict of cheating: the grader reports the notebook as *not graded* with the
finding as the reason, and a person decides. The kernel guard (:mod:`dlcourse.grading.kernel_guard`)
checks at run time what a syntax tree cannot show.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

__all__ = ["Finding", "ALLOWED_IMPORTS", "screen_code", "screen_notebook"]

#: Top-level modules an answer cell may import (and their submodules).
ALLOWED_IMPORTS = frozenset({
    "numpy", "math", "cmath", "random", "statistics", "itertools", "functools", "collections",
    "typing", "dataclasses", "heapq", "bisect", "operator", "copy", "warnings", "logging",
    "torch", "matplotlib", "scipy", "sklearn", "tqdm", "dlcourse", "sys", "time", "string", "re",
    "enum", "abc", "numbers", "fractions", "decimal", "__future__",
})
#: Submodules of allowed packages that are the grader's own.
FORBIDDEN_SUBMODULES = ("dlcourse.grading", "dlcourse.checking")
#: ``sys`` attributes an honest answer may use (printing a debug line to stderr, float limits).
ALLOWED_SYS_ATTRIBUTES = frozenset({"stdout", "stderr", "float_info", "maxsize", "version_info", "version", "int_info"})
#: Built-in functions that run text as code, or reach objects and namespaces by name.
FORBIDDEN_CALLS = frozenset({
    "eval", "exec", "compile", "__import__", "getattr", "setattr", "delattr", "globals", "locals",
    "vars", "open", "breakpoint", "get_ipython",
})
#: Dunder names a class definition may use as attributes (``super().__init__``).
ALLOWED_DUNDERS = frozenset({"__init__", "__name__", "__doc__"})


@dataclass(frozen=True)
class Finding:
    """One thing in an answer cell that the grader will not run."""

    cell: str  # the answer cell's grade_id
    line: int  # line number inside the cell (1-based)
    what: str  # what was found, in words

    def __str__(self) -> str:
        return f"answer cell {self.cell!r}, line {self.line}: {self.what}"


def _root_module(name: str) -> str:
    return name.split(".")[0]


class _Screen(ast.NodeVisitor):
    def __init__(self, cell: str) -> None:
        self.cell = cell
        self.findings: list[Finding] = []
        self.module_names: set[str] = set()  # names bound to modules (import x as m; m2 = m.sub)
        self.sys_names: set[str] = {"sys"}  # names bound to the sys module

    def report(self, node: ast.AST, what: str) -> None:
        self.findings.append(Finding(self.cell, getattr(node, "lineno", 0), what))

    # -- imports -------------------------------------------------------------------------------
    def _check_module(self, node: ast.AST, module: str) -> None:
        if module.startswith("_dlcourse") or any(module == f or module.startswith(f + ".") for f in FORBIDDEN_SUBMODULES):
            self.report(node, f"imports the grader's own module `{module}`")
        elif _root_module(module) not in ALLOWED_IMPORTS:
            self.report(node, f"imports `{module}`, which answers in this course do not need")

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._check_module(node, alias.name)
            self.module_names.add(alias.asname or _root_module(alias.name))
            if alias.name == "sys":
                self.sys_names.add(alias.asname or "sys")
        self.generic_visit(node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            self.report(node, "uses a relative import")
            return
        module = node.module or ""
        self._check_module(node, module)
        for alias in node.names:
            full = f"{module}.{alias.name}"
            if alias.name == "*":
                self.report(node, f"imports every name of `{module}` with `*`")
            elif any(full == f or full.startswith(f + ".") for f in FORBIDDEN_SUBMODULES):
                self.report(node, f"imports the grader's own module `{full}`")
            elif module == "sys" and alias.name not in ALLOWED_SYS_ATTRIBUTES:
                self.report(node, f"imports `sys.{alias.name}`")
            else:
                # `from numpy import linalg` binds a module; `from numpy import zeros` a function.
                # Either way, assigning attributes of it changes something shared.
                self.module_names.add(alias.asname or alias.name)
        self.generic_visit(node)

    # -- names, attributes, calls --------------------------------------------------------------
    def visit_Name(self, node: ast.Name) -> None:
        if node.id.startswith("__") and node.id.endswith("__") and node.id not in ALLOWED_DUNDERS:
            self.report(node, f"uses the name `{node.id}`")
        elif node.id.startswith("_dlcourse"):
            self.report(node, f"uses the grading kernel's name `{node.id}`")
        elif node.id in FORBIDDEN_CALLS:
            self.report(node, f"uses `{node.id}`")
        self.generic_visit(node)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if node.attr.startswith("__") and node.attr.endswith("__") and node.attr not in ALLOWED_DUNDERS:
            self.report(node, f"uses the attribute `{node.attr}`")
        elif node.attr.startswith("_dlcourse"):
            self.report(node, f"uses the grading kernel's name `{node.attr}`")
        if isinstance(node.value, ast.Name) and node.value.id in self.sys_names and node.attr not in ALLOWED_SYS_ATTRIBUTES:
            self.report(node, f"uses `sys.{node.attr}`")
        if isinstance(node.ctx, (ast.Store, ast.Del)):
            root = node.value
            while isinstance(root, (ast.Attribute, ast.Subscript)):
                root = root.value
            if not isinstance(root, ast.Name) or root.id in self.module_names:
                name = ast.unparse(node)
                self.report(node, f"{'assigns to' if isinstance(node.ctx, ast.Store) else 'deletes'} "
                                  f"`{name}`, which changes a module shared with the tests")
        self.generic_visit(node)

    def visit_Assign(self, node: ast.Assign) -> None:
        # `m = np.linalg` (a module, or a function of one) makes `m.x = ...` a module change too.
        value = node.value
        while isinstance(value, ast.Attribute):
            value = value.value
        if isinstance(value, ast.Name) and value.id in self.module_names and isinstance(node.value, (ast.Attribute, ast.Name)):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    self.module_names.add(target.id)
                    if isinstance(node.value, ast.Name) and node.value.id in self.sys_names:
                        self.sys_names.add(target.id)
        self.generic_visit(node)

    def visit_Global(self, node: ast.Global) -> None:
        for name in node.names:
            if name in self.module_names:
                self.report(node, f"rebinds the module name `{name}` with `global`")
        self.generic_visit(node)


def _as_ipython_runs_it(code: str) -> str:
    """The cell as the kernel runs it: IPython turns ``%magic`` and ``!command`` lines into calls."""
    from IPython.core.inputtransformer2 import TransformerManager

    try:
        return TransformerManager().transform_cell(code)
    except Exception:  # noqa: BLE001 - a cell IPython cannot transform fails when it runs
        return code


def screen_code(code: str, cell: str = "answer") -> list[Finding]:
    """Everything in one answer cell's code that the grader will not run (empty: fine)."""
    python = _as_ipython_runs_it(code)
    try:
        tree = ast.parse(python)
    except SyntaxError:
        return []  # a syntax error is the student's own mistake: the cell fails when it runs
    screen = _Screen(cell)
    screen.visit(tree)
    findings = screen.findings
    if "get_ipython" in python and "get_ipython" not in code:
        findings = [Finding(cell, f.line, "uses an IPython magic or shell command (`%...`, `!...`)")
                    if "get_ipython" in f.what else f for f in findings]
    return findings


def screen_notebook(notebook: dict) -> list[Finding]:
    """Screen every autograded answer cell (nbgrader solution cells that are code) of a notebook."""
    findings: list[Finding] = []
    for index, cell in enumerate(notebook.get("cells", [])):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.get("cell_type") != "code" or not meta.get("solution"):
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else source
        findings += screen_code(source, meta.get("grade_id") or f"cell {index + 1}")
    return findings

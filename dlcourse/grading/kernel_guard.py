"""Inside the grading kernel: notice when student code has changed how the kernel or the tests work.

:func:`install` runs when the grading kernel starts, before any student code (the grader passes it
in ``IPKernelApp.exec_lines``). It records what a tamperer would change: IPython's input and AST
transformers, exception handlers and event callbacks, the shell's and the kernel's methods, the
interpreter's hooks, the built-in functions, the loaded modules, and every attribute of the modules
the tests rely on (NumPy, ``math``, the checking helpers). Before and after every test cell the
grader (outside the kernel) evaluates :func:`verify`; anything that differs makes the notebook
*not graded*, with the difference as the reason.

The static screen (:mod:`dlcourse.grading.screen`) keeps answer cells away from the means of
tampering; this guard checks the result, so that a route the screen did not foresee is still
noticed. Both run in or on the student's process: see the grading README section for what they can
and cannot promise.
"""

from __future__ import annotations

import builtins
import os
import sys
import types

__all__ = ["install", "verify"]

#: Modules whose every attribute must stay as it was: what test cells compare and check with.
WATCHED_MODULES = (
    "numpy", "numpy.testing", "numpy.linalg", "numpy.random", "math", "builtins",
    "dlcourse.checking", "warnings",
)
#: Methods of the IPython shell and kernel that decide how a cell runs and how its errors show.
SHELL_METHODS = (
    "run_cell", "run_cell_async", "_run_cell", "run_ast_nodes", "run_code", "showtraceback",
    "_showtraceback", "showsyntaxerror", "transform_cell", "transform_ast", "should_run_async",
    "user_expressions", "ex", "ev", "run_line_magic", "run_cell_magic", "get_exception_only",
    "_get_exc_info", "init_user_ns", "reset",
)
KERNEL_METHODS = ("do_execute", "execute_request", "send_response", "dispatch_shell", "process_one")

_baseline: dict | None = None
_CELL_BUILTINS = frozenset({"get_ipython", "exit", "quit", "display"})


def _is_code(value) -> bool:
    """Functions, classes and modules: what a patch replaces (plain data may change legitimately)."""
    return callable(value) or isinstance(value, types.ModuleType)


def _ids(values) -> tuple[int, ...]:
    return tuple(id(v) for v in values)


def _shell():
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - the grading kernel is IPython
        return None
    return get_ipython()


def _capture() -> dict:
    shell = _shell()
    state: dict = {
        # IPython swaps sys.excepthook and sys.displayhook in and out around every cell; the
        # shell's own display hook and traceback methods are checked below instead.
        "sys hooks": {name: id(getattr(sys, name, None)) for name in ("breakpointhook", "unraisablehook")},
        "trace": id(sys.gettrace()),
        "profile": id(sys.getprofile()),
        # `_` and friends hold the last results shown: they change with every cell.
        # IPython adds get_ipython/exit/quit to the builtins while a cell runs.
        "builtins": {name: id(value) for name, value in vars(builtins).items() if name.strip("_") and name not in _CELL_BUILTINS},
        "modules": {name: id(module) for name, module in list(sys.modules.items())},
        "module attributes": {
            name: {attribute: id(value) for attribute, value in vars(sys.modules[name]).items()
                   if _is_code(value) and not (name == "builtins" and attribute in _CELL_BUILTINS)}
            for name in WATCHED_MODULES if name in sys.modules
        },
        "function code": {
            f"{name}.{attribute}": id(value.__code__)
            for name in WATCHED_MODULES if name in sys.modules
            for attribute, value in vars(sys.modules[name]).items()
            if isinstance(value, types.FunctionType)
        },
    }
    if shell is not None:
        manager = getattr(shell, "input_transformer_manager", None)
        state["transformers"] = {
            "input_transformers_cleanup": _ids(getattr(shell, "input_transformers_cleanup", [])),
            "input_transformers_post": _ids(getattr(shell, "input_transformers_post", [])),
            "ast_transformers": _ids(getattr(shell, "ast_transformers", [])),
            "cleanup_transforms": _ids(getattr(manager, "cleanup_transforms", [])),
            "line_transforms": _ids(getattr(manager, "line_transforms", [])),
            "token_transformers": _ids(getattr(manager, "token_transformers", [])),
        }
        state["custom exceptions"] = (tuple(getattr(shell, "custom_exceptions", ())), id(getattr(shell, "CustomTB", None)))
        # Libraries register callbacks too (matplotlib's inline backend does on first use): only
        # callbacks written in the notebook are the student's.
        state["events"] = {
            event: tuple(getattr(c, "__qualname__", "?") for c in callbacks if getattr(c, "__module__", None) == "__main__")
            for event, callbacks in shell.events.callbacks.items()
        }
        state["shell methods"] = {
            name: (id(shell.__dict__.get(name)), id(getattr(type(shell), name, None))) for name in SHELL_METHODS
        }
        kernel = getattr(shell, "kernel", None)
        if kernel is not None:
            state["kernel methods"] = {
                name: (id(kernel.__dict__.get(name)), id(getattr(type(kernel), name, None))) for name in KERNEL_METHODS
            }
            handlers = getattr(kernel, "shell_handlers", {})
            state["kernel handlers"] = {name: id(handler) for name, handler in handlers.items()}
        state["display hook"] = id(getattr(shell, "displayhook", None))
    return state


def install() -> None:
    """Record the kernel's state before student code runs. Also takes the working directory off
    the import path: a module file that student code writes there must not shadow a real one."""
    global _baseline
    here = os.getcwd()
    sys.path[:] = [p for p in sys.path if p not in ("", ".", here)]
    import numpy.linalg  # noqa: F401 - load what the tests use, so that the baseline covers it
    import numpy.random  # noqa: F401
    import numpy.testing  # noqa: F401

    import dlcourse.checking  # noqa: F401

    _baseline = _capture()
    _baseline["cwd"] = here
    # The environment may itself live under /tmp or a home folder (a CI clone, pyenv): what the
    # import path held before the notebook ran is trusted.
    import dlcourse

    _baseline["trusted"] = tuple(os.path.join(p, "") for p in sys.path if p) + (
        os.path.join(os.path.dirname(dlcourse.__file__), ""),)
    # The grader's own start-up lines (warnings shown on stdout) are notebook functions too.
    _baseline["cell functions"] = _functions_from_cells()


def _differences(before: dict, after: dict, path: str = "") -> list[str]:
    found = []
    for key, value in before.items():
        where = f"{path}{key}"
        if key not in after:
            found.append(f"{where} was removed")
        elif isinstance(value, dict):
            if key in ("modules", "builtins") or path.startswith("module attributes"):
                changed = [name for name, ident in value.items() if name in after[key] and after[key][name] != ident]
                removed = [name for name in value if name not in after[key]]
                if changed:
                    found.append(f"{where}: {', '.join(sorted(changed)[:5])} replaced")
                if removed:
                    found.append(f"{where}: {', '.join(sorted(removed)[:5])} removed")
                if key == "builtins":
                    added = [name for name in after[key] if name not in value]
                    if added:
                        found.append(f"{where}: {', '.join(sorted(added)[:5])} added")
            else:
                found += _differences(value, after[key], f"{where}: ")
        elif value != after[key]:
            found.append(f"{where} changed")
    return found


def _functions_from_cells() -> dict[str, int]:
    """Module attributes that are functions or classes defined in a notebook cell (name -> id)."""
    found = {}
    main = sys.modules.get("__main__")
    for name, module in list(sys.modules.items()):
        # the notebook's own namespace may be registered under other names (__mp_main__)
        if name == "__main__" or module is main or not isinstance(module, types.ModuleType):
            continue
        try:
            items = list(vars(module).items())
        except TypeError:
            continue
        for attribute, value in items:
            if isinstance(value, (types.FunctionType, type)) and getattr(value, "__module__", None) == "__main__":
                found[f"{name}.{attribute}"] = id(value)
    return found


def _modules_from_writable_places(cwd: str, trusted: tuple[str, ...]) -> list[str]:
    """Modules loaded from a folder the notebook can write to, outside the installed environment."""
    found = []
    roots = tuple({cwd, os.path.expanduser("~"), "/tmp", "/dev/shm"})
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None)
        if isinstance(file, str) and file.startswith(roots) and not file.startswith(trusted):
            found.append(f"{name} (from {file})")
    return found


def verify() -> str:
    """Empty when the kernel is as :func:`install` left it; otherwise what changed, in words."""
    if _baseline is None:
        return "the grading kernel's guard was not installed (the kernel did not start as the grader set it up)"
    now = _capture()
    reasons = _differences({k: v for k, v in _baseline.items() if k not in ("cwd", "cell functions", "trusted")}, now)
    known = _baseline["cell functions"]
    reasons += [f"a notebook function was put into module attribute {where}"
                for where, ident in _functions_from_cells().items() if known.get(where) != ident]
    reasons += [f"module {where} was loaded from a writable folder"
                for where in _modules_from_writable_places(_baseline["cwd"], _baseline["trusted"])]
    return "; ".join(reasons[:8])

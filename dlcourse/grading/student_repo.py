"""The repository an instructor hands to students (``make student-repo DEST=<dir>``).

This repository is the self-study edition: the masters with their solutions and hidden tests in
``source/``, the executed worked solutions in ``solutions/``, and the test-suite with the recorded
wrong answers in ``tests/``. A class needs the student edition instead, which has only what a
student works with:

- ``notebooks/`` (the student versions nbgrader generated) and the package ``dlcourse/``;
- ``Makefile``, ``pyproject.toml``, ``requirements.lock``, ``environment.yml``: the same
  environment and the same ``make lab`` / ``make grade``;
- ``nbgrader_config.py``, so that ``make grade`` and the notebook toolbar's Validate button work;
- a ``README.md`` made of this README's student part (the introduction, "Two commands",
  "For students", "Chapters"), adjusted where it speaks of the self-study edition.

There is no ``source/``, ``solutions/``, ``tests/``, ``benchmarks/`` or ``.ci/``. ``make grade`` still
works: without ``source/`` the grader takes ``notebooks/`` as its masters (see
:func:`dlcourse.grading.scratch_course.masters_folder`), so a student grades with the visible
tests only; the hidden tests run when the instructor grades.

Written notebooks are checked for solution and hidden-test regions before the command reports
success, so a master copied into ``notebooks/`` by mistake is never handed out.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

from .scratch_course import find_repository

__all__ = ["write_student_repo", "student_readme", "marker_lines"]

FOLDERS = ("notebooks", "dlcourse")
FILES = ("Makefile", "pyproject.toml", "requirements.lock", "environment.yml", "nbgrader_config.py", ".gitignore")
# Caches and local state that are not part of the course.
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints", "*.egg-info")

# README.md sections (by their "## " title) that students get, besides the introduction.
STUDENT_SECTIONS = ("Two commands", "For students", "Chapters")

# Where README.md's student part speaks of the self-study edition (which has solutions/, the
# test-suite and the hidden tests), the student edition says what is true for it. Each rule must
# match: when README.md is reworded, the rule is updated instead of silently handing out a README
# that promises what the student repository does not have.
README_EDITS = (
    # "make test" runs the test-suite, which the student edition does not have.
    (re.compile(r"^make test +#.*$", re.M),
     'make grade   # grade your notebooks (see "For students" below)'),
    (re.compile(r"grade(\s+)yourself with the grader your instructor uses, hidden tests included:"),
     r"grade\1yourself with your instructor's grader, on the visible tests (the hidden tests run"
     "\n   when your instructor grades):"),
    # The worked solutions are not handed out with the exercises.
    (re.compile(r"^`solutions/` holds [^\n]*(\n[^\n]+)*\n\n", re.M), ""),
)

STUDENT_EDITION_NOTE = """\
## This repository

This is the student edition of the course: the chapter notebooks and the `dlcourse` package,
without the instructor's masters, the worked solutions and the test-suite. `make grade` grades
your notebooks with the visible tests of each exercise; your instructor grades with hidden tests
as well, so passing the visible tests is a good sign, not a guarantee.
"""

# A solution or hidden-test region's marker line, as nbgrader writes it in a master.
_MARKER = re.compile(r"^[ \t]*### (BEGIN|END) (SOLUTION|HIDDEN TESTS)[ \t]*$", re.M)


def student_readme(readme: str) -> str:
    """The student edition's README: ``readme``'s introduction and student sections, adjusted."""
    parts = re.split(r"^## ", readme, flags=re.M)
    introduction, sections = parts[0], {p.split("\n", 1)[0].strip(): "## " + p for p in parts[1:]}
    missing = [title for title in STUDENT_SECTIONS if title not in sections]
    if missing:
        raise ValueError(f"README.md has no section {', '.join(missing)}: update STUDENT_SECTIONS in {__name__}")
    text = introduction + "".join(sections[title].rstrip("\n") + "\n\n" for title in STUDENT_SECTIONS)
    for pattern, replacement in README_EDITS:
        text, count = pattern.subn(replacement, text)
        if count != 1:
            raise ValueError(f"README.md's student part no longer matches {pattern.pattern!r} "
                             f"(found {count} times): update README_EDITS in {__name__}")
    return text.rstrip("\n") + "\n\n" + STUDENT_EDITION_NOTE


def marker_lines(folder: Path) -> list[str]:
    """``path: line`` for every solution or hidden-test marker line in the notebooks under
    ``folder`` (none may be handed to students)."""
    import nbformat

    found = []
    for path in sorted(Path(folder).rglob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        for cell in notebook.cells:
            found += [f"{path}: {m.group(0).strip()}" for m in _MARKER.finditer(cell.source)]
    return found


def write_student_repo(destination: Path, repository: Path | None = None) -> Path:
    """Write the student edition of ``repository`` (default: the one around the working
    directory) to ``destination``, which must be missing or empty. Returns ``destination``."""
    repository = (repository or find_repository()).resolve()
    destination = Path(destination).resolve()
    if not (repository / "source").is_dir():
        raise FileNotFoundError(f"{repository} has no source/: it is already a student repository")
    if destination == repository or repository.is_relative_to(destination):
        raise ValueError(f"{destination} contains the course repository; choose a new directory")
    if destination.exists() and any(destination.iterdir()):
        raise FileExistsError(f"{destination} is not empty; choose a new directory")
    destination.mkdir(parents=True, exist_ok=True)
    for folder in FOLDERS:
        shutil.copytree(repository / folder, destination / folder, ignore=IGNORED)
    for name in FILES:
        if (repository / name).is_file():
            shutil.copy2(repository / name, destination / name)
    (destination / "README.md").write_text(student_readme((repository / "README.md").read_text()))
    leaked = marker_lines(destination / "notebooks")
    if leaked:
        shutil.rmtree(destination)
        raise RuntimeError("notebooks/ holds solution or hidden-test regions (run `make release`?); "
                           "nothing was written:\n" + "\n".join(leaked))
    return destination


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m dlcourse.grading.student_repo",
        description="Write the repository students get: notebooks/, the dlcourse package and the "
        "tools, without source/, solutions/ or tests/.",
    )
    parser.add_argument("destination", type=Path, help="a new (or empty) directory")
    arguments = parser.parse_args(argv)
    try:
        destination = write_student_repo(arguments.destination)
    except (FileNotFoundError, FileExistsError, ValueError, RuntimeError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    chapters = sorted(p.name for p in (destination / "notebooks").iterdir() if p.is_dir())
    print(f"Wrote the student repository to {destination} ({len(chapters)} chapters: {', '.join(chapters)}).")
    print("No source/, solutions/ or tests/ in it; `make grade` there grades with the visible tests.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

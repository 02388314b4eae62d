"""dlcourse.env: the environment report of the welcome chapter."""

from __future__ import annotations


def test_the_environment_report_names_the_course_python_without_machine_paths(tmp_path):
    """The executed welcome chapter prints where Python is; committed output must not depend on
    the folder the repository was cloned into."""
    from pathlib import Path

    from dlcourse.env import python_location

    repository = Path(__file__).resolve().parents[1]
    assert python_location(str(repository / ".venv" / "bin" / "python")) == ".venv/bin/python"
    assert python_location("/opt/conda/bin/python") == "/opt/conda/bin/python"

"""dlcourse.env: the environment report of the welcome chapter."""

from __future__ import annotations

import os


def test_the_environment_report_names_the_course_python_without_machine_paths(tmp_path):
    """The executed welcome chapter prints where Python is; committed output must not depend on
    the folder the repository was cloned into."""
    from pathlib import Path

    from dlcourse.env import python_location

    repository = Path(__file__).resolve().parents[1]
    assert python_location(str(repository / ".venv" / "bin" / "python")) == ".venv/bin/python"
    assert python_location("/opt/conda/bin/python") == "/opt/conda/bin/python"


def test_the_environment_check_skips_pytorch_while_grading():
    """Every autograde runs chapter 00's environment check: finding the torch device would import
    PyTorch (over a second) for nothing. Outside grading it names the device."""
    import subprocess
    import sys

    program = ("import sys\nfrom dlcourse.env import print_environment\nprint_environment()\n"
               "print('torch imported:', 'torch' in sys.modules)\n")
    grading = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True,
                             env={**os.environ, "NBGRADER_EXECUTION": "autograde"}).stdout
    assert "(not checked while grading)" in grading and "torch imported: False" in grading
    student = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True,
                             env={k: v for k, v in os.environ.items() if k != "NBGRADER_EXECUTION"}).stdout
    assert "torch device  cpu" in student and "torch imported: True" in student

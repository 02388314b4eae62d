"""What this machine runs: package versions and the device PyTorch trains on."""

from __future__ import annotations

import os
import platform
import sys
from importlib import metadata

__all__ = ["pick_device", "package_versions", "print_environment", "python_location", "is_grading"]

# The packages the course is built on, in the order a student cares about them.
COURSE_PACKAGES = ("numpy", "torch", "matplotlib", "ipywidgets", "scikit-learn", "jupyterlab", "nbgrader")


def pick_device(prefer_gpu: bool = True):
    """The ``torch.device`` to train on: a CUDA GPU or Apple's MPS when present, else the CPU."""
    import torch

    if prefer_gpu and torch.cuda.is_available():
        return torch.device("cuda")
    if prefer_gpu and getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")


def package_versions(names: tuple[str, ...] = COURSE_PACKAGES) -> dict[str, str | None]:
    """Installed version of each package (``None`` when it is missing)."""
    versions: dict[str, str | None] = {}
    for name in names:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def python_location(executable: str | None = None) -> str:
    """Where the running Python is, relative to the course repository when it lives there
    (``.venv/bin/python``): the committed solutions then carry no machine's paths."""
    from pathlib import Path

    executable = executable or sys.executable
    repository = Path(__file__).resolve().parents[1]
    try:
        return str(Path(executable).relative_to(repository))
    except ValueError:
        return executable


def print_environment() -> None:
    """Print Python, the course packages and the torch device, one per line."""
    print(f"{'python':<14}{platform.python_version()}  ({python_location()})")
    for name, version in package_versions().items():
        print(f"{name:<14}{version or 'MISSING: run `make lab` from the repository root'}")
    # Finding the device means importing PyTorch (over a second): not worth it in every autograde.
    print(f"{'torch device':<14}{'(not checked while grading)' if is_grading() else pick_device()}")


def is_grading() -> bool:
    """True while nbgrader runs the notebook (autograde or validate): heavy demos can then run a
    cheaper version, since every autograde executes the whole notebook."""
    return bool(os.environ.get("NBGRADER_EXECUTION"))

"""One pinned environment: requirements.lock is what make, CI and conda install, it satisfies the
package's ranges, and it is what this test run uses."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from course import REPO

PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([A-Za-z0-9_.+!-]+)$")


def _locked() -> dict[str, str]:
    pins = {}
    for line in (REPO / "requirements.lock").read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        match = PIN.match(line)
        assert match, f"requirements.lock line {line!r} is not an exact pin (name==version)"
        pins[canonicalize_name(match.group(1))] = match.group(2)
    return pins


def _declared() -> list[Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    requirements = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        requirements += extra
    return [Requirement(r) for r in requirements]


def test_torch_is_pinned_to_the_local_cpu_build():
    assert _locked()["torch"] == "2.13.0"


def test_lock_satisfies_every_declared_range():
    locked = _locked()
    for requirement in _declared():
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{requirement.name} is declared in pyproject.toml but not locked: run `make lock`"
        assert requirement.specifier.contains(locked[name], prereleases=True), (
            f"locked {name}=={locked[name]} is outside pyproject.toml's range {requirement}: run `make lock`"
        )


@pytest.mark.parametrize("name", sorted(_locked()))
def test_this_environment_is_the_locked_one(name):
    try:
        installed = Version(metadata.version(name))
    except metadata.PackageNotFoundError:
        pytest.fail(f"{name} is in requirements.lock but not installed: run `make install`")
    assert installed.public == Version(_locked()[name]).public, (
        f"{name} {installed} is installed but the lock pins {_locked()[name]}: run `make install`"
    )


def test_environment_yml_installs_the_lock():
    text = (REPO / "environment.yml").read_text()
    assert re.search(r"^\s*-\s*python=3\.11\s*$", text, re.M), "environment.yml must pin python=3.11"
    pip_lines = re.findall(r"^\s{6,}-\s*(.+?)\s*$", text, re.M)
    assert "-r requirements.lock" in pip_lines and "-e ." in pip_lines, (
        f"environment.yml's pip section must install the lock and the package, found {pip_lines}"
    )

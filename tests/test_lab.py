"""`make lab` starts JupyterLab on the course: the chapters are there and it opens on chapter 00."""

from __future__ import annotations

import json
import urllib.request

import pytest

from course import REPO, chapters
from lab_server import TOKEN, free_port, running_server


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    command = ["make", "lab", f"LAB_ARGS=--no-browser --port={free_port()} --ip=127.0.0.1 --IdentityProvider.token={TOKEN}"]
    try:
        with running_server(command, tmp_path_factory.mktemp("lab"), cwd=REPO) as base:
            yield base
    except RuntimeError as failure:
        pytest.fail(f"make lab: {failure}")


def _get(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read()


def test_lab_lists_every_chapter(lab):
    status, body = _get(f"{lab}/api/contents/notebooks?token={TOKEN}")
    listed = {item["name"] for item in json.loads(body)["content"]}
    assert set(chapters()) <= listed


def test_lab_opens_on_the_welcome_chapter(lab):
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        opener.open(f"{lab}/?token={TOKEN}", timeout=10)
        pytest.fail("expected a redirect to the first chapter")
    except urllib.error.HTTPError as redirect:
        assert redirect.code == 302
        assert "/lab/tree/notebooks/00_welcome/00_welcome.ipynb" in redirect.headers["Location"]
    status, page = _get(f"{lab}/lab/tree/notebooks/00_welcome/00_welcome.ipynb?token={TOKEN}")
    assert status == 200 and b"JupyterLab" in page


def test_lab_serves_the_student_notebooks(lab):
    for chapter in chapters():
        status, body = _get(f"{lab}/api/contents/notebooks/{chapter}/{chapter}.ipynb?token={TOKEN}")
        assert json.loads(body)["type"] == "notebook"


def test_lab_has_widgets_and_nbgrader_validate(lab):
    status, body = _get(f"{lab}/lab/api/extensions?token={TOKEN}")
    names = {extension["name"] for extension in json.loads(body)}
    assert "jupyter-widgets-jupyterlab-manager" in names, f"ipywidgets' lab extension is missing: {sorted(names)}"
    assert "jupyter-nbgrader" in names, f"nbgrader's lab extension (Validate button) is missing: {sorted(names)}"

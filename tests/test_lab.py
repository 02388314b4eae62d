"""`make lab` starts JupyterLab on the course: the chapters are there and it opens on chapter 00."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.request

import pytest

from course import REPO, chapters

TOKEN = "dlcourse-test-token"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    port = _free_port()
    log_path = tmp_path_factory.mktemp("lab") / "lab.log"
    log = open(log_path, "w")
    process = subprocess.Popen(
        ["make", "lab", f"LAB_ARGS=--no-browser --port={port} --ip=127.0.0.1 --IdentityProvider.token={TOKEN}"],
        cwd=REPO, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{base}/api/status?token={TOKEN}", timeout=2)
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"make lab exited early:\n{log_path.read_text()}")
            time.sleep(0.5)
    else:
        os.killpg(process.pid, signal.SIGTERM)
        pytest.fail("JupyterLab did not answer within 90 s")
    yield base
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)
    log.close()


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

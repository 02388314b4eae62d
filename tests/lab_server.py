"""Start a Jupyter server for a test and find where it listens.

A port chosen in advance is only a first choice: between choosing it and the server binding it, a
kernel started by a parallel test may take it, and Jupyter then moves on to the next port. So the
server gets a private runtime directory, and the server file Jupyter writes there once it listens
(``jpserver-<pid>.json``) says which port it really has.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

TOKEN = "dlcourse-test-token"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_server(command: list[str], scratch: Path, *, cwd: Path, env: dict | None = None, timeout: float = 90):
    """Run ``command`` (which starts a Jupyter server with ``TOKEN``) and yield its base URL.

    ``scratch`` receives the runtime directory and ``lab.log``; a server that exits or does not answer
    within ``timeout`` seconds fails with its log. The whole process group is stopped afterwards.
    """
    runtime = scratch / "runtime"
    env = dict(env if env is not None else os.environ, JUPYTER_RUNTIME_DIR=str(runtime))
    log_path = scratch / "lab.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT,
                                  start_new_session=True)
        try:
            yield _wait_until_listening(server, runtime, log_path, timeout)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()


def _wait_until_listening(server: subprocess.Popen, runtime: Path, log_path: Path, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while True:
        try:
            server_file = next(runtime.glob("jpserver-*.json"))  # StopIteration until it listens
            base = f"http://127.0.0.1:{json.loads(server_file.read_text())['port']}"
            urllib.request.urlopen(f"{base}/api/status?token={TOKEN}", timeout=2)
            return base
        except (StopIteration, OSError, ValueError, KeyError, http.client.HTTPException):
            if server.poll() is not None:
                raise RuntimeError(f"the Jupyter server exited early:\n{log_path.read_text()}") from None
            if time.monotonic() > deadline:
                raise RuntimeError(f"the Jupyter server did not answer within {timeout:.0f} s:\n"
                                   f"{log_path.read_text()}") from None
            time.sleep(0.5)

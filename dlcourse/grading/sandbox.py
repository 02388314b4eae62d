"""A kernel manager that runs every graded notebook's kernel in a sandbox (Linux, bubblewrap).

nbgrader's autograde starts one kernel per notebook through a ``jupyter_client`` kernel manager;
``nbgrader_config.py`` names this class as that manager, so ``nbgrader autograde`` itself runs
student code sandboxed. Inside the sandbox the kernel

- sees the operating system and the Python environment read-only, the course package read-only,
  and a private scratch directory (its working directory, home and the kernel's sockets) writable;
  nothing else of the course: no gradebook, ``submitted/``, ``autograded/``, ``source/``,
  ``solutions/``, tests or configuration;
- runs as an unprivileged user (``nobody`` when the grader is root; otherwise the grader's own
  user inside a user namespace), with no network, its own process, IPC and host-name namespaces;
- has limits on address space, CPU time, number of processes and size of the files it writes;
- takes every process it started with it when it ends (the sandbox's PID namespace dies with it).

The kernel talks to the grader over UNIX sockets in the scratch directory (``transport=ipc``): TCP
on loopback is not reachable from a separate network namespace. Interrupts travel as messages on
the control channel, since a signal to the sandbox's launcher would end the sandbox.

Where bubblewrap is missing or cannot run (macOS, Windows, some containers), ``mode="auto"``
(default) grades without a sandbox and says so loudly in the log and in every report;
``mode="required"`` refuses to grade instead; ``mode="off"`` is for trusted self-grading.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from traitlets import Integer, List, Unicode

__all__ = ["SandboxedKernelManager", "sandbox_available", "sandbox_command", "NOT_SANDBOXED_WARNING"]

NOT_SANDBOXED_WARNING = (
    "GRADED WITHOUT A SANDBOX: bubblewrap (bwrap) is not available here ({why}), so student code ran "
    "with the grader's permissions. Install bubblewrap (Debian/Ubuntu: apt-get install bubblewrap) "
    "before grading a class."
)
# Environment variables passed into the sandbox (everything else is cleared: a grader's tokens and
# paths are not the student's business).
PASSED_ENVIRONMENT = (
    "LANG", "LC_ALL", "TZ", "PYTHONHASHSEED", "MPLBACKEND", "NBGRADER_EXECUTION", "NBGRADER_VALIDATING",
    "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE",
    "JPY_SESSION_NAME",
)
SYSTEM_DIRECTORIES = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc", "/opt")
NOBODY = 65534


@functools.cache
def sandbox_available() -> str | None:
    """None when bubblewrap can start a sandbox here; otherwise why not, in words."""
    if not sys.platform.startswith("linux"):
        return f"bubblewrap needs Linux, this is {sys.platform}"
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        return "the bwrap command is not installed"
    trial = subprocess.run([bwrap, "--ro-bind", "/", "/", "--unshare-net", "--unshare-pid", "true"],
                           capture_output=True, text=True)
    if trial.returncode != 0:
        return f"bwrap cannot create a sandbox on this machine: {trial.stderr.strip()[:200]}"
    return None


def _ancestors(path: Path) -> list[Path]:
    """The directories above ``path``, outermost first (``/a/b/c`` -> ``/a``, ``/a/b``)."""
    return list(reversed(path.parents))[1:]


def _read_only_paths(extra: tuple[str, ...] = ()) -> list[Path]:
    """What the kernel needs to read: the Python installation, the environment and the package."""
    import dlcourse

    paths = {Path(sys.prefix), Path(sys.base_prefix), Path(dlcourse.__file__).resolve().parent, *map(Path, extra)}
    # The environment's interpreter may be a symlink into another installation (pyenv, conda).
    paths.add(Path(os.path.realpath(sys.executable)).parent.parent)
    return sorted(p for p in paths if p.exists())


def sandbox_command(command: list[str], scratch: Path, environment: dict[str, str], *,
                    memory_bytes: int, cpu_seconds: int, processes: int, file_bytes: int,
                    read_only: tuple[str, ...] = ()) -> list[str]:
    """``command`` wrapped to run in a sandbox whose only writable place is ``scratch``."""
    bwrap = shutil.which("bwrap") or "bwrap"
    home = scratch / "home"
    work = scratch / "work"
    arguments = [bwrap]
    for directory in SYSTEM_DIRECTORIES:
        arguments += ["--ro-bind-try", directory, directory]
    arguments += ["--proc", "/proc", "--dev", "/dev", "--perms", "1777", "--tmpfs", "/dev/shm", "--tmpfs", "/tmp"]
    made: set[Path] = {Path("/"), Path("/tmp")}
    readable = _read_only_paths(read_only)
    for path in [*readable, scratch]:
        for parent in _ancestors(path):
            if parent not in made and not str(parent).startswith(SYSTEM_DIRECTORIES):
                arguments += ["--perms", "0755", "--dir", str(parent)]
                made.add(parent)
    for path in readable:
        arguments += ["--ro-bind", str(path), str(path)]
    arguments += ["--bind", str(scratch), str(scratch), "--chdir", str(work)]
    arguments += ["--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
                  "--die-with-parent", "--new-session", "--hostname", "grading"]
    arguments += ["--clearenv", "--setenv", "HOME", str(home), "--setenv", "USER", "student",
                  "--setenv", "PATH", f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin:/bin",
                  "--setenv", "MPLCONFIGDIR", str(home / ".config" / "matplotlib"),
                  "--setenv", "IPYTHONDIR", str(home / ".ipython"), "--setenv", "PYTHONDONTWRITEBYTECODE", "1"]
    for name in PASSED_ENVIRONMENT:
        if name in environment:
            arguments += ["--setenv", name, environment[name]]
    arguments.append("--")
    if os.geteuid() == 0:
        # As root, bwrap keeps root inside: drop to nobody (the scratch directory is nobody's).
        arguments += ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", "--no-new-privs"]
    arguments += ["prlimit", f"--as={memory_bytes}", f"--cpu={cpu_seconds}", f"--nproc={processes}",
                  f"--fsize={file_bytes}", "--core=0", "--"]
    return arguments + command


class SandboxedKernelManager(AsyncKernelManager):
    """The kernel manager nbgrader's autograde uses (see the module docstring)."""

    mode = Unicode("auto", help="auto: sandbox when bubblewrap works, else grade with a loud warning; "
                                "required: refuse to grade without it; off: no sandbox.").tag(config=True)
    memory_limit = Integer(6 * 2**30, help="address-space limit of the kernel, bytes").tag(config=True)
    cpu_limit = Integer(900, help="CPU seconds the kernel may use in all").tag(config=True)
    process_limit = Integer(256, help="processes and threads the sandbox user may run").tag(config=True)
    file_size_limit = Integer(100 * 2**20, help="largest file the kernel may write, bytes").tag(config=True)
    extra_read_only = List(Unicode(), help="more paths the kernel may read").tag(config=True)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.sandbox_problem = ("it is switched off (SandboxedKernelManager.mode = off)" if self.mode == "off"
                                else sandbox_available())
        self.sandboxed = self.mode != "off" and self.sandbox_problem is None
        if self.mode == "required" and self.sandbox_problem:
            raise RuntimeError(f"grading needs a sandbox, but {self.sandbox_problem}")
        if self.mode == "auto" and self.sandbox_problem:
            self.log.warning(NOT_SANDBOXED_WARNING.format(why=self.sandbox_problem))
        self.scratch: Path | None = None
        if self.sandboxed:
            # UNIX socket paths are limited to about 107 bytes: keep this one short.
            self.scratch = Path(tempfile.mkdtemp(prefix="dlk-", dir="/tmp"))
            for sub in ("home", "work", "ipc"):
                (self.scratch / sub).mkdir()
            self._copy_font_cache()
            self.transport = "ipc"
            self.ip = str(self.scratch / "ipc" / "k")
            self.connection_file = str(self.scratch / "connection.json")
            if os.geteuid() == 0:
                for path in [self.scratch, *self.scratch.rglob("*")]:
                    os.chown(path, NOBODY, NOBODY)
            os.chmod(self.scratch, 0o755)

    def _copy_font_cache(self) -> None:
        """Matplotlib spends seconds building its font list in a new home: give it the grader's."""
        try:
            import matplotlib

            cache = Path(matplotlib.get_cachedir())
        except Exception:  # noqa: BLE001 - no cache to share: matplotlib builds one
            return
        target = self.scratch / "home" / ".config" / "matplotlib"
        target.mkdir(parents=True)
        for font_list in cache.glob("fontlist-*.json"):
            shutil.copyfile(font_list, target / font_list.name)

    @property
    def kernel_spec(self):
        spec = super().kernel_spec
        if spec is not None and self.sandboxed:
            spec.interrupt_mode = "message"  # a SIGINT to bwrap would end the sandbox, not the cell
        return spec

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw) -> None:
        if self.sandboxed:
            if os.geteuid() == 0:
                os.chown(self.connection_file, NOBODY, NOBODY)
            environment = dict(kw.get("env") or os.environ)
            kernel_cmd = sandbox_command(
                kernel_cmd, self.scratch, environment, memory_bytes=self.memory_limit, cpu_seconds=self.cpu_limit,
                processes=self.process_limit, file_bytes=self.file_size_limit, read_only=tuple(self.extra_read_only),
            )
            # ipykernel quits at once when it cannot see the process that started it (another PID
            # namespace); --die-with-parent ends the sandbox with its manager instead.
            environment.pop("JPY_PARENT_PID", None)
            kw["env"] = environment
        await super()._async_launch_kernel(kernel_cmd, **kw)

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart=restart)
        if self.scratch is not None and not restart:
            shutil.rmtree(self.scratch, ignore_errors=True)

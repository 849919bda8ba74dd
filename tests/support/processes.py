"""The project's commands run as a person runs them, each in a process of its own, but
started from a process that has already imported the third-party stack.

Many tests run `properdocs build` or `python -m twincity.check` on a copy of the project
in a process of its own, so that what it prints (a traceback or not) and its exit status
are what a person would see. About half of such a process's time went to Python
importing ProperDocs, Material, the i18n plugin, Markdown, pydantic and the rest before
the build even read its configuration. A fork server, started once per test session
(`python tests/support/processes.py`, single-threaded), imports that stack and forks a
fresh child for each command: the child takes the command's arguments, working folder,
environment (`PYTHONPATH` included) and standard streams, runs the console script (as
the interpreter runs a script) or the module (as `python -m` does), and ends as the
interpreter would (the code of `SystemExit`; any other exception printed as a traceback,
status 1; exit handlers run). Not the same: every child has the server's hash seed.

Nothing of the project is imported ahead: each command imports its own copy's hook,
`twincity` package, catalogues and tools, as a fresh interpreter does. What the server
imports is what the commands import first anyway (the `properdocs` command imports
`properdocs.replacement` itself, and so does `twincity.check`); Material's template
package, which prints its end-of-life banner when imported, is left to each command.
Without `os.fork` (not POSIX) commands start as plain processes.
"""

from __future__ import annotations

import atexit
import contextlib
import io
import json
import os
import runpy
import signal
import subprocess
import sys
import threading
from pathlib import Path
from tempfile import TemporaryDirectory

# What a build imports before it reads its configuration (the plugins of mkdocs.yml and the
# Markdown extensions); never the project's own modules, nor a module that says anything
# while imported (mkdocs-static-i18n warns then, and each command must print it): the
# server stops if preloading printed anything.
PRELOAD = (
    "properdocs.__main__",
    "properdocs.commands.build",
    "properdocs.commands.serve",
    "material.plugins.search.plugin",
    "mkdocs_redirects.plugin",
    "markdown",
    "markdown.extensions.toc",
    "markdown.extensions.attr_list",
    "markdown.extensions.md_in_html",
    "markdown.extensions.admonition",
    "markdown.extensions.tables",
    "pymdownx.details",
    "pymdownx.superfences",
    "pydantic",
    "yaml",
    "jinja2",
    "lxml.etree",
    "segno",
    "rjieba",
)
# Modules the server must not have imported: what they do on import belongs to each command.
NOT_PRELOADED = ("material.templates", "twincity", "tools", "hooks")


# -----------------------------------------------------------------------------
# The tests' side
# -----------------------------------------------------------------------------


def run_command(command: list[str], *, cwd: Path, env: dict[str, str], timeout: float) -> subprocess.CompletedProcess:
    """subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True,
    timeout=timeout), forked: `command` is `[sys.executable, "-m", module, *args]` or a
    Python console script of the environment and its arguments."""
    server = _server()
    if server is None:
        return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    if command[:2] == [sys.executable, "-m"]:
        module, argv, script = command[2], command[2:], False
    else:
        module, argv, script = None, list(command), True
    return server.run(module, argv, cwd=cwd, env=env, timeout=timeout, script=script)


class _Server:
    def __init__(self) -> None:
        self.folder = TemporaryDirectory(prefix="fork-server-")
        env = dict(os.environ)
        env.pop("PYTHONPATH", None)
        self.log = Path(self.folder.name) / "server.log"
        with self.log.open("w") as log:
            self.process = subprocess.Popen(
                [sys.executable, __file__],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
                env=env,
                cwd=self.folder.name,
            )
        self.lock = threading.Lock()
        self.count = 0
        ready = self.process.stdout.readline()
        if ready.strip() != "ready":
            raise RuntimeError(f"the fork server did not start: {ready!r}\n{self.log.read_text('utf-8')[-3000:]}")

    def run(self, module, argv, *, cwd, env, timeout, script) -> subprocess.CompletedProcess:
        with self.lock:
            self.count += 1
            out = Path(self.folder.name) / f"{self.count}.out"
            err = Path(self.folder.name) / f"{self.count}.err"
            request = {
                "module": module,
                "argv": argv,
                "cwd": str(cwd),
                "env": env,
                "stdout": str(out),
                "stderr": str(err),
                "script": script,
                "timeout": timeout,
            }
            self.process.stdin.write(json.dumps(request) + "\n")
            self.process.stdin.flush()
            answer = self.process.stdout.readline().strip()
            if not answer:
                raise RuntimeError(f"the fork server stopped:\n{self.log.read_text('utf-8')[-3000:]}")
            stdout, stderr = (path.read_text("utf-8", errors="replace") for path in (out, err))
            out.unlink()
            err.unlink()
            if answer == "timeout":
                raise subprocess.TimeoutExpired(argv, timeout, output=stdout, stderr=stderr)
        return subprocess.CompletedProcess(argv, int(answer), stdout, stderr)

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)
        self.folder.cleanup()


_SERVER: list[_Server | None] = []


def _server() -> _Server | None:
    if not _SERVER:
        _SERVER.append(_Server() if hasattr(os, "fork") else None)
        if _SERVER[0] is not None:
            atexit.register(_SERVER[0].close)
    return _SERVER[0]


# -----------------------------------------------------------------------------
# The server's side
# -----------------------------------------------------------------------------


def _serve() -> None:
    base_path = sys.path[1:]  # the interpreter's own, without this file's folder
    said = io.StringIO()
    with contextlib.redirect_stdout(said), contextlib.redirect_stderr(said):
        for name in PRELOAD:
            __import__(name)
    if said.getvalue():
        raise SystemExit(f"preloading printed something, which each command must print itself:\n{said.getvalue()}")
    early = [name for name in sys.modules if name.split(".")[0] in NOT_PRELOADED or name in NOT_PRELOADED]
    if early:
        raise SystemExit(f"the fork server imported {early}: they must be left to each command")
    print("ready", flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            _child(request, base_path)  # never returns
        print(_wait(pid, request["timeout"]), flush=True)


def _wait(pid: int, timeout: float) -> str:
    """The child's exit status, or 'timeout' once it was killed for taking longer than `timeout` s."""

    def expire(signum, frame):
        raise TimeoutError

    signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        _, status = os.waitpid(pid, 0)
    except TimeoutError:
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):  # it ended as the alarm rang
            pass
        return "timeout"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return str(os.waitstatus_to_exitcode(status))


def _child(request: dict, base_path: list[str]) -> None:
    code = 1
    try:
        signal.signal(signal.SIGALRM, signal.SIG_DFL)  # the server's, for its own waiting
        for fd, name, flags in ((0, os.devnull, os.O_RDONLY), (1, request["stdout"], 0), (2, request["stderr"], 0)):
            opened = os.open(name, flags or (os.O_WRONLY | os.O_CREAT | os.O_TRUNC), 0o600)
            os.dup2(opened, fd)
            os.close(opened)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        # As a new interpreter sets sys.path: the script's folder (a console script) or the
        # working folder (-m), then PYTHONPATH, then the installation's own.
        first = os.path.dirname(os.path.abspath(request["argv"][0])) if request["script"] else os.getcwd()
        extra = [os.path.abspath(p) for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
        sys.path[:] = [first, *extra, *base_path]
        sys.argv = list(request["argv"])
        try:
            if request["script"]:  # a console script, run as the interpreter runs a file
                runpy.run_path(request["argv"][0], run_name="__main__")
            else:  # python -m
                runpy.run_module(request["module"], run_name="__main__", alter_sys=True)
            code = 0
        except SystemExit as stop:
            code = _exit_code(stop.code)
        except BaseException as error:  # noqa: BLE001 - printed as the interpreter prints it
            sys.excepthook(type(error), error, _from_the_command(error.__traceback__))
            code = 1
    finally:
        try:
            atexit._run_exitfuncs()  # as the interpreter does on its way out (logging's flush among them)
        except BaseException:  # noqa: BLE001, S110 - an exit handler's failure is printed by atexit itself
            pass
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:  # noqa: BLE001, S110 - a closed stream: nothing left to write
                pass
        os._exit(code)


def _from_the_command(frames):
    """The traceback less the frames of this server and of runpy, which start the command."""
    while frames is not None and (
        frames.tb_frame.f_code.co_filename == __file__ or "runpy" in frames.tb_frame.f_code.co_filename
    ):
        frames = frames.tb_next
    return frames


def _exit_code(value) -> int:
    """The status the interpreter gives for SystemExit(value)."""
    if value is None:
        return 0
    if isinstance(value, int):
        return value & 0xFF
    print(value, file=sys.stderr)
    return 1


if __name__ == "__main__":
    _serve()

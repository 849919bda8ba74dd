"""Sites the tests build once per run, however many pytest-xdist workers share the run.

Without xdist a site is built in the test process, as a session fixture. Under xdist
(`make test` runs the non-browser tests on every core) each worker would build the same
site again: instead the first worker to ask builds it into the run's common temporary
folder while holding a file lock there, and the others wait for the lock and read the
same files (the pattern of pytest-xdist's docs, "Making session-scoped fixtures execute
only once"). Tests only read a shared site; a test that changes a site changes a copy.
A build that fails leaves nothing behind, so the next worker builds again and reports
its own failure.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tools.pages_server import reserve_port, serve

from .site import BuiltSite

# build(folder, url) -> (site_dir, warnings): builds into the empty `folder` for `url`.
Build = Callable[[Path, str], tuple[Path, list[str]]]
RECORD = "built.json"  # the URL and warnings of a finished build, beside it


def shared_site(
    config: pytest.Config, factory: pytest.TempPathFactory, name: str, port: int, build: Build
) -> BuiltSite:
    """The site `name`, built once for the whole run for a loopback port (`port` when it
    is free: tools/pages_server.reserve_port). The process that built it holds the port
    until it is served (BuiltSite.listener); another worker's copy has no listener."""
    if not xdist_worker(config, factory):
        return _build(factory.mktemp(name), port, build)
    folder = factory.getbasetemp().parent / name  # popen-gwN's parent: this run's, every worker's
    folder.mkdir(exist_ok=True)
    with _locked(folder.with_suffix(".lock")):
        record = folder / RECORD
        if record.exists():
            built = json.loads(record.read_text("utf-8"))
            return BuiltSite(dir=Path(built["dir"]), url=built["url"], warnings=built["warnings"])
        for leftover in folder.iterdir():  # of a build that failed in another worker
            shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink()
        site = _build(folder, port, build)
        record.write_text(json.dumps({"dir": str(site.dir), "url": site.url, "warnings": site.warnings}), "utf-8")
        return site


def holding(site: BuiltSite):
    """Yields the site for a session fixture, then frees its port."""
    try:
        yield site
    finally:
        if site.listener is not None:
            site.listener.close()


def xdist_worker(config: pytest.Config, factory: pytest.TempPathFactory) -> bool:
    """Whether this process is a pytest-xdist worker whose temporary folder xdist placed in
    the run's (its own --basetemp, popen workers): an environment variable is not enough,
    it can leak into a pytest started by a test."""
    return hasattr(config, "workerinput") and factory._given_basetemp is not None


def serving(site: BuiltSite, factory: pytest.TempPathFactory, name: str, build: Build):
    """Serve a site at its own address while a fixture lasts; yields its URL. A worker that
    did not build the shared site (pytest -n over browser tests) builds its own copy to
    serve, for a free port: the shared one is held by the worker that built it."""
    own = None
    if site.listener is None:
        site = own = _build(factory.mktemp(f"{name}-served"), 0, build)
    server = serve(site.dir, site.listener.getsockname()[1], site.listener)
    try:
        yield site.url
    finally:
        server.shutdown()
        server.server_close()
        if own is not None:
            own.listener.close()


def _build(folder: Path, port: int, build: Build) -> BuiltSite:
    listener = reserve_port(port)
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/"
    try:
        site_dir, warnings = build(folder, url)
    except BaseException:
        listener.close()
        raise
    return BuiltSite(dir=site_dir, url=url, warnings=warnings, listener=listener)


@contextlib.contextmanager
def _locked(path: Path):
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)

"""Shared fixtures: the site is built once per test session, in-process, and served
locally the way GitHub Pages serves it (404.html for every missing path)."""

from __future__ import annotations

import functools
import http.server
import logging
import socket
import threading
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from site_helpers import ROOT, BuiltSite

# -----------------------------------------------------------------------------
# The built site
# -----------------------------------------------------------------------------


class _WarningCollector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def site_port() -> int:
    return _free_port()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, site_port) -> BuiltSite:
    site_dir = tmp_path_factory.mktemp("site")
    url = f"http://127.0.0.1:{site_port}/"
    collector = _WarningCollector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), site_url=url)
        build(config)
    finally:
        logger.removeHandler(collector)
    return BuiltSite(dir=site_dir, url=url, warnings=collector.messages)


# -----------------------------------------------------------------------------
# A local server that behaves like GitHub Pages
# -----------------------------------------------------------------------------


class _PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files; a missing path gets /404.html with status 404, as on Pages."""

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):  # keep test output quiet
        pass


@pytest.fixture(scope="session")
def site_server(built_site, site_port):
    """The URL of the built site, served on loopback for the browser tests."""
    handler = functools.partial(_PagesHandler, directory=str(built_site.dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", site_port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield built_site.url
    server.shutdown()
    server.server_close()

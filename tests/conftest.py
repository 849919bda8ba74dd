"""Shared fixtures: the site is built once per test session, in-process, and served
locally the way GitHub Pages serves it (404.html for every missing path)."""

from __future__ import annotations

import functools
import http.server
import logging
import socket
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("zh", "en")


# -----------------------------------------------------------------------------
# The built site
# -----------------------------------------------------------------------------


@dataclass(eq=False)
class BuiltSite:
    """A site built by the tests, with the warnings its build logged."""

    dir: Path
    url: str
    warnings: list[str] = field(default_factory=list)

    def page_path(self, slug: str, lang: str) -> Path:
        """The built HTML file of a page (`slug` '' is the home page)."""
        prefix = self.dir / "en" if lang == "en" else self.dir
        return prefix / slug / "index.html" if slug else prefix / "index.html"

    def page_url(self, slug: str, lang: str) -> str:
        prefix = self.url + ("en/" if lang == "en" else "")
        return prefix + (f"{slug}/" if slug else "")

    @functools.cache
    def soup(self, slug: str, lang: str) -> BeautifulSoup:
        return BeautifulSoup(self.page_path(slug, lang).read_text("utf-8"), "html.parser")


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


def nav_pages() -> list[tuple[str, str]]:
    """(nav title, docs file) of every page in mkdocs.yml's nav, in order."""

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=_Loader)
    return [next(iter(item.items())) for item in config["nav"]]


def page_slugs() -> list[str]:
    """URL slug of every nav page: 'index.md' -> '', 'history.md' -> 'history'."""
    return ["" if f == "index.md" else f.removesuffix(".md") for _, f in nav_pages()]


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
    handler = functools.partial(_PagesHandler, directory=str(built_site.dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", site_port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield built_site.url
    server.shutdown()
    server.server_close()

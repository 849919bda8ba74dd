"""Shared fixtures: the site is built once per test session, in-process, and served
locally the way GitHub Pages serves it (404.html for every missing path)."""

from __future__ import annotations

import logging

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from support.site import ROOT, BuiltSite
from tools.pages_server import free_port, serve

# -----------------------------------------------------------------------------
# The built site
# -----------------------------------------------------------------------------


class _WarningCollector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


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


@pytest.fixture(scope="session")
def site_server(built_site, site_port):
    """The URL of the built site, served on loopback for the browser tests."""
    server = serve(built_site.dir, site_port)
    yield built_site.url
    server.shutdown()
    server.server_close()

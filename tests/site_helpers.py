"""What tests need to know about the site: its pages, its languages and the built output."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("zh", "en")


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

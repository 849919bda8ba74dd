"""What mkdocs.yml says about the site's pages and languages, read without building it:
the nav pages (their URL slugs) and the i18n languages with their URL roots. Used by
the tools (audit) and the tests alike."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class SiteLanguage:
    code: str
    root: str  # URL prefix: '' for the default language, 'en/' for English


@functools.lru_cache(maxsize=8)
def _config(path: Path = ROOT / "mkdocs.yml") -> dict:
    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_constructor("!ENV", lambda loader, node: None)
    return yaml.load(path.read_text("utf-8"), Loader=_Loader)


def nav_pages(path: Path = ROOT / "mkdocs.yml") -> list[tuple[str, str]]:
    """(nav title, docs file) of every page in mkdocs.yml's nav, in order."""
    return [next(iter(item.items())) for item in _config(path)["nav"]]


def page_slugs(path: Path = ROOT / "mkdocs.yml") -> list[str]:
    """URL slug of every nav page: 'index.md' -> '', 'history.md' -> 'history'."""
    return ["" if f == "index.md" else f.removesuffix(".md") for _, f in nav_pages(path)]


def languages(path: Path = ROOT / "mkdocs.yml") -> list[SiteLanguage]:
    """The built i18n languages, the default first."""
    plugins = _config(path)["plugins"]
    i18n = next(p["i18n"] for p in plugins if isinstance(p, dict) and "i18n" in p)
    declared = sorted(
        (lang for lang in i18n["languages"] if lang.get("build", True)), key=lambda lang: not lang.get("default")
    )
    return [
        SiteLanguage(
            lang["locale"], "" if lang.get("default") else (lang.get("link") or f"/{lang['locale']}/").strip("/") + "/"
        )
        for lang in declared
    ]


def page_path(slug: str, language: SiteLanguage) -> str:
    """The site-relative URL of a page in a language: '', 'en/', 'en/agreements/'."""
    return language.root + (f"{slug}/" if slug else "")

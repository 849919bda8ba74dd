"""What mkdocs.yml says about the site's pages and languages, read without building it:
the nav pages (their URL slugs) and the i18n languages with their URL roots. Used by
the tools (audit) and the tests alike."""

from __future__ import annotations

import functools
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
# The hook's package: the list of languages is read the hook's way (twincity.config.languages).
if str(ROOT / "hooks") not in sys.path:
    sys.path.insert(0, str(ROOT / "hooks"))

import properdocs.replacement  # noqa: E402,F401 - ProperDocs serves the hook's `mkdocs.*` imports

from twincity.config.languages import built_languages, language_root  # noqa: E402


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
    return [SiteLanguage(lang["locale"], language_root(lang)) for lang in built_languages(i18n["languages"])]


def nav_translations(path: Path = ROOT / "mkdocs.yml") -> dict[str, dict[str, str]]:
    """Each built language's nav_translations (default-language nav title -> its own)."""
    plugins = _config(path)["plugins"]
    i18n = next(p["i18n"] for p in plugins if isinstance(p, dict) and "i18n" in p)
    return {lang["locale"]: dict(lang.get("nav_translations") or {}) for lang in built_languages(i18n["languages"])}


def source_language(path: Path = ROOT / "mkdocs.yml") -> str:
    """The language the site's source is written in (extra.twincity.source_language)."""
    return _config(path)["extra"]["twincity"]["source_language"]


def page_path(slug: str, language: SiteLanguage) -> str:
    """The site-relative URL of a page in a language: '', 'en/', 'en/agreements/'."""
    return language.root + (f"{slug}/" if slug else "")

"""What is known about a page, in one place: the fixed names the code refers to, its
file in each language, its URL and its title.

Pages are written `docs/PAGE.md` in the default language and `docs/PAGE.<code>.md` in
each other (mkdocs-static-i18n's suffix structure); MkDocs writes directory URLs
(`agreements/`, the home page at the root), under each language's root. A page's title
is its navigation title (`nav` in mkdocs.yml, `nav_translations` per language), which is
also what MkDocs gives `page.title`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path, PurePosixPath

# The pages the code itself names (the others are only configuration).
HOME = "index"
SOURCES = "sources"  # the report, corrections, open data, licence, how to report an error
UPDATES = "updates"
FACTSHEET = "factsheet"
TIMELINE = "timeline"
AGREEMENTS = "agreements"
QUOTES = "quotes"
GLOSSARY = "glossary"

SUFFIX = ".md"


def page_slug(src_uri: str) -> str:
    """'agreements.en.md' -> 'agreements'; 'index.md' -> 'index'."""
    return PurePosixPath(src_uri).name.split(".")[0]


def language_of(src_uri: str) -> str | None:
    """'agreements.en.md' -> 'en'; 'agreements.md' (the default language) -> None."""
    parts = PurePosixPath(src_uri).name.split(".")
    return parts[-2] if len(parts) > 2 else None


def file_name(slug: str, lang: str, default: str) -> str:
    """The page's file in a language: 'agreements.md' in the default one, 'agreements.en.md' in another."""
    return f"{slug}{SUFFIX}" if lang == default else f"{slug}.{lang}{SUFFIX}"


def page_file(docs_dir: Path, slug: str, lang: str, default: str) -> Path:
    return Path(docs_dir) / file_name(slug, lang, default)


def page_url(slug: str) -> str:
    """A page's URL from its language's root: 'agreements/', '' for the home page."""
    return "" if slug == HOME else f"{slug}/"


def originals(docs_dir: Path) -> list[Path]:
    """The pages in the default language (no language suffix), in name order."""
    return sorted(p for p in Path(docs_dir).rglob(f"*{SUFFIX}") if language_of(p.name) is None)


def translations(docs_dir: Path) -> Iterator[tuple[Path, str]]:
    """Every page in another language, with its language code."""
    for path in sorted(Path(docs_dir).rglob(f"*{SUFFIX}")):
        lang = language_of(path.name)
        if lang is not None:
            yield path, lang


def nav_titles(
    nav: list, translations_by_lang: Mapping[str, Mapping[str, str]], default: str
) -> dict[str, dict[str, str]]:
    """{slug: {lang: title}} from mkdocs.yml's nav (default-language titles) and each language's nav_translations."""
    titles: dict[str, dict[str, str]] = {}
    for title, src in _nav_pages(nav or []):
        slug = page_slug(src)
        titles[slug] = {default: title}
        for lang, table in translations_by_lang.items():
            if lang != default and title in (table or {}):
                titles[slug][lang] = table[title]
    return titles


def _nav_pages(nav: list) -> Iterator[tuple[str, str]]:
    for item in nav:
        if isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, list):
                    yield from _nav_pages(value)
                elif isinstance(value, str) and value.endswith(SUFFIX):
                    yield str(title), value

"""What tests need to know about the site: its pages, its languages and the built output."""

from __future__ import annotations

import contextlib
import copy
import functools
import logging
import os
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

from bs4 import BeautifulSoup

from tools.site_layout import ROOT, languages, nav_pages, nav_translations, page_path, page_slugs, source_language
from twincity import build_cache

from .processes import run_command

__all__ = [
    "ROOT",
    "LANGUAGES",
    "SOURCE_LANGUAGE",
    "other_language",
    "page_titles",
    "page_source",
    "locale_languages",
    "han_languages",
    "awaiting_translation",
    "BuiltSite",
    "nav_pages",
    "page_slugs",
    "PAGES",
    "PAGE_IDS",
    "page_id",
    "copy_project",
    "PROJECT_PARTS",
    "run_build",
    "printing_pdfs",
]

# The site's languages as mkdocs.yml declares them, the default first.
SITE_LANGUAGES = {language.code: language for language in languages()}
LANGUAGES = tuple(SITE_LANGUAGES)
# The language the source article is written in (mkdocs.yml, extra.twincity.source_language).
SOURCE_LANGUAGE = source_language()


def other_language(lang: str) -> str:
    """Another language of the site than `lang`: the next one in mkdocs.yml's order, the
    default after the last. Over all languages, every one is left and reached once."""
    return LANGUAGES[(LANGUAGES.index(lang) + 1) % len(LANGUAGES)]


def page_source(slug: str, lang: str, root: Path = ROOT) -> Path:
    """The docs file of a page in a language ('' is the home page): docs/PAGE.md, docs/PAGE.CODE.md."""
    from twincity.config.pages import page_file

    return page_file(root / "docs", slug or "index", lang, LANGUAGES[0])


def page_titles() -> dict[str, dict[str, str]]:
    """{slug: {lang: nav title}}: mkdocs.yml's nav and each language's nav_translations ('' is the home page)."""
    from twincity.config.pages import nav_titles, page_url

    config_nav = [{title: src} for title, src in nav_pages()]
    titles = nav_titles(config_nav, nav_translations(), LANGUAGES[0])
    return {page_url(slug).rstrip("/"): by_lang for slug, by_lang in titles.items()}


# Every (slug, language) page and its readable test id, 'en:agreements', 'zh:home'.
PAGES = [(slug, lang) for lang in LANGUAGES for slug in page_slugs()]


def page_id(slug: str, lang: str) -> str:
    return f"{lang}:{slug or 'home'}"


PAGE_IDS = [page_id(slug, lang) for slug, lang in PAGES]

# What a copy of the project needs to build.
PROJECT_PARTS = ("mkdocs.yml", "docs", "hooks", "overrides", "data", "sources")


def copy_project(dest: Path, parts: tuple[str, ...] = PROJECT_PARTS) -> Path:
    """A copy of the project to change and build on purpose."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in parts:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, dest / part)
    return dest


@functools.cache
def site_languages(site_url: str = "https://example.org/"):
    """The hook's `Languages`, built from mkdocs.yml as `on_config` builds them (no site build)."""
    from mkdocs.config import load_config

    from twincity.config.languages import Languages

    return Languages.from_config(load_config(str(ROOT / "mkdocs.yml"), site_url=site_url))


def locale_languages(language: str) -> tuple[str, ...]:
    """The site's languages whose Open Graph locale (catalogue `language.og_locale`) is of
    `language` (ISO 639-1: 'zh_CN' is 'zh'): the editions a test of that language's own
    rules (its typography, its spelling) applies to, whatever their codes."""
    return tuple(code for code, texts in catalogues().items() if texts["language.og_locale"].split("_")[0] == language)


def han_languages() -> tuple[str, ...]:
    """The site's languages written in Han characters: their catalogue marks no Han as another
    language's (`language.foreign_han` is null). Han text on any page is marked as one of them."""
    return tuple(code for code, texts in catalogues().items() if texts["language.foreign_han"] is None)


def awaiting_translation(lang: str) -> bool:
    """Whether a language's pages are still the copies tools/add_language.py made, their
    texts another language's marked "[CODE] " (a language being added): tests of what a
    translation says (its terms, its words) apply to translated languages only."""
    from mkdocs.utils import meta

    _, front = meta.get_data(page_source("", lang).read_text("utf-8"))
    return str(front.get("description", "")).startswith(f"[{lang}] ")


def catalogues() -> dict:
    """Every language's `Catalogue` of texts, the default first, as the build reads them."""
    return {language.code: language.texts for language in site_languages()}


@dataclass(eq=False)
class BuiltSite:
    """A site built by the tests, with the warnings its build logged."""

    dir: Path
    url: str
    warnings: list[str] = field(default_factory=list)
    listener: socket.socket | None = None  # its port, held until it is served (tools/pages_server.py)

    def page_path(self, slug: str, lang: str) -> Path:
        """The built HTML file of a page (`slug` '' is the home page)."""
        return self.dir / page_path(slug, SITE_LANGUAGES[lang]) / "index.html"

    def page_url(self, slug: str, lang: str) -> str:
        return self.url + page_path(slug, SITE_LANGUAGES[lang])

    @functools.cache  # noqa: B019 - a built site lives for the whole test session
    def soup(self, slug: str, lang: str) -> BeautifulSoup:
        return BeautifulSoup(self.page_path(slug, lang).read_text("utf-8"), "html.parser")


# Printing the fact-sheet PDFs takes Chromium seconds per build: the tests' builds skip
# it (conftest sets TWINCITY_PDF=off for the session), except those a test about the
# PDFs, or about links to them, uses: built inside `printing_pdfs()` or with pdf=True.
BUILD_CACHE = ROOT / build_cache.FOLDER
# The loopback ports the run's shared sites (support/shared.py) are built for, when free
# (tools/pages_server.reserve_port): outside Linux's range for outgoing connections, and
# the same from run to run, so that the build finds its PDFs in the cache.
SITE_PORT, THIRD_LANGUAGE_PORT = 8431, 8432


@contextlib.contextmanager
def printing_pdfs():
    """Builds run inside print the fact-sheet PDFs (through the checkout's build cache)."""
    saved = {name: os.environ.get(name) for name in ("TWINCITY_PDF", "TWINCITY_CACHE")}
    os.environ.update(TWINCITY_PDF="on", TWINCITY_CACHE=str(BUILD_CACHE))
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


# Warnings of the toolchain itself that say nothing about the site, each with its reason.
# Exact texts: any other warning, or a new wording of these, still fails the build tests.
KNOWN_TOOLCHAIN_WARNINGS = {
    "mkdocs_static_i18n: Unable to detect lunr languages from mkdocs distribution": (
        "mkdocs-static-i18n 1.3.1 lists search languages from the files of the `mkdocs` "
        "distribution, which ProperDocs replaces; it then falls back to its own list, which "
        "holds zh and en (tests/test_toolchain.py checks that)."
    ),
}


class _WarningCollector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message not in KNOWN_TOOLCHAIN_WARNINGS:
            self.messages.append(message)


def build_in_process(project: Path, site_dir: Path, url: str) -> list[str]:
    """Build `project` into `site_dir` for `url` in this process, with the fact-sheet PDFs
    (through the build cache); the warnings it logged, less the toolchain's known ones."""
    from properdocs.commands.build import build
    from properdocs.config import load_config

    from twincity.config.yaml_aliases import alias_problems

    config_file = project / "mkdocs.yml"
    # As every project command does: no YAML aliases in mkdocs.yml (tools/config_guard.py).
    assert not alias_problems(config_file), alias_problems(config_file)
    collector = _WarningCollector()
    # ProperDocs logs under "properdocs"; plugins still log under "mkdocs", which its
    # command makes a child of "properdocs" (properdocs.__main__.State): do the same here.
    logger = logging.getLogger("properdocs")
    logging.getLogger("mkdocs").parent = logger
    logger.addHandler(collector)
    try:
        config = load_config(str(config_file), site_dir=str(site_dir), site_url=url)
        with printing_pdfs():
            build(config)
    finally:
        logger.removeHandler(collector)
    return collector.messages


def run_build(
    project: Path, *extra: str, site_url: str | None = "http://127.0.0.1:8000/", pdf: bool = False
) -> subprocess.CompletedProcess:
    """`properdocs build` (ProperDocs replaces MkDocs) of a project copy in a process of
    its own, as a person runs it, so that what it prints (a traceback or not) is what a
    person would see (forked from a process that imported the third-party stack:
    support/processes.py). `site_url` is given as SITE_URL, as make does; None gives none.
    The fact-sheet PDFs are printed only with `pdf=True`."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if pdf:
        env.update(TWINCITY_PDF="on", TWINCITY_CACHE=str(BUILD_CACHE))
    else:
        env["TWINCITY_PDF"] = "off"
    env.pop("SITE_URL", None)
    if site_url is not None:
        env["SITE_URL"] = site_url
    # As every project command does (Makefile): the configuration's guard first, before
    # MkDocs reads it (tools/config_guard.py).
    guard = run_command(
        [sys.executable, "-m", "tools.config_guard", str(project / "mkdocs.yml")], cwd=ROOT, env=env, timeout=60
    )
    if guard.returncode != 0:
        return guard
    properdocs = str(Path(sys.executable).with_name("properdocs"))
    return run_command(
        [properdocs, "build", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site"), *extra],
        cwd=project,
        env=env,
        timeout=300,
    )


def settings_config(**twincity) -> SimpleNamespace:
    """A stand-in for the MkDocs config with extra.twincity as mkdocs.yml sets it, the keys
    given here replaced (for the settings' own checks: config/settings.py)."""
    from mkdocs.config import load_config

    real = load_config(str(ROOT / "mkdocs.yml"), site_url="https://example.org/").extra["twincity"]
    return SimpleNamespace(
        extra={"twincity": {**copy.deepcopy(dict(real)), **twincity}}, config_file_path=str(ROOT / "mkdocs.yml")
    )

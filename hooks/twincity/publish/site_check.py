"""The built site checked by the build itself, once every language is written: the
anchors that updates concern (data/updates.yml) are on their pages in every language,
and every link of every page resolves (raw HTML in Markdown and generated blocks
included, which MkDocs' validation does not see: publish/link_check.py).

A data mistake stops the build with file, entry and field; a broken link is a warning
naming the built page, its line and the Markdown it comes from, so --strict (every
project build) stops.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from ..config.languages import Languages
from ..config.pages import FACTSHEET, file_name, page_url
from ..data.site_data import SiteData
from ..errors import DataError
from ..pages.rendering import factsheet_pdf_name
from ..pages.updates import check_concern_anchors
from .link_check import Checker

log = logging.getLogger("mkdocs.hooks.twincity.publish.site_check")


def check_built_site(config, languages: Languages, data: SiteData, pdfs: list[Path]) -> None:
    site_dir = Path(config.site_dir).resolve()
    # The PDFs of a build without Chromium are missing, and that build says so itself.
    expected_pdfs = {f"{lang.root}{FACTSHEET}/{factsheet_pdf_name(lang.code)}" for lang in languages}
    written = {Path(p).resolve().relative_to(site_dir).as_posix() for p in pdfs}
    checker = Checker(site_dir, config.site_url, absent=expected_pdfs - written)

    def ids_of(slug: str, code: str) -> set[str] | None:
        path = site_dir / languages[code].root / page_url(slug) / "index.html"
        return checker.parse(path).ids if path.is_file() else None

    try:
        check_concern_anchors(data, ids_of, languages.codes)
    except DataError as error:
        raise PluginError(str(error)) from None
    problems, _ = checker.check()
    for problem in problems:
        log.warning("broken link in the built site: %s%s", problem, _source_of(problem, languages))


def _source_of(problem: str, languages: Languages) -> str:
    """' (from docs/history.en.md)' for a problem on a built page, when its page is known."""
    page = problem.split(":", 1)[0]
    if not page.endswith("index.html"):
        return ""
    url = page.removesuffix("index.html")
    language = next((lang for lang in languages if lang.root and url.startswith(lang.root)), languages.default)
    slug = url[len(language.root) :].strip("/") or "index"
    if "/" in slug:
        return ""
    return f" (from docs/{file_name(slug, language.code, languages.default.code)}, raw HTML or a generated block)"

"""What every page says about itself below its content, in its language: when it last
changed, where to report an error in it, and how to cite it; and, in its <head>, its
language's updates feed and its schema.org description.

The build hook puts a `PageInfo` into every page's template context as `twincity_page`;
`overrides/main.html` and `overrides/partials/twincity-page-info.html` write it out.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.utils import get_relative_url

from ..config.languages import Language, Languages
from ..config.pages import SOURCES, page_slug, page_url
from ..config.report import FALLBACK_ANCHOR, TrustSettings
from ..data.dates import PartialDate
from ..data.site_data import SiteData
from ..pages.markers import data_files_shown
from ..pages.updates import TrustContext, licence_link
from ..publish.feeds import feed_path
from .last_updated import LastUpdated, history_of
from .meta import PageHead


@dataclass(frozen=True)
class PageInfo:
    updated: LastUpdated
    updated_text: str  # the day as the language writes it, or why it is unknown
    report_link: str | None  # issue tracker or e-mail, with the page's title and address; None: no address
    report_fallback: str  # the sources page's section on reporting errors, relative to the page
    citation: tuple[str, str, str]  # plain text before the accessed date, the date (or ''), after it
    feed: str  # the language's feed, absolute
    feed_title: str
    licence_line: Markup  # the footer's licence sentence
    json_ld: Markup  # <script type="application/ld+json"> content, '</' escaped
    texts: dict  # the catalogue's page_info
    colon: str
    report_kind: str  # 'issues', 'email' or 'none'


def page_info(
    page, head: PageHead, language: Language, languages: Languages, data: SiteData, trust: TrustContext, root: Path
) -> PageInfo:
    from .structured_data import page_graph, to_json  # structured_data reads PageInfo's parts

    texts = language.texts
    settings: TrustSettings = trust.settings
    # Where a report goes when the build knows no address: the sources page's report section.
    fallback_href = get_relative_url(f"{language.root}{page_url(SOURCES)}", page.url) + f"#{FALLBACK_ANCHOR}"
    updated = history_of(root).last_updated(_sources(page, root))
    updated_text = updated.date.display(texts["dates"]) if updated.date else texts["page_info.updated_unknown"]
    info = PageInfo(
        updated=updated,
        updated_text=updated_text,
        report_link=settings.report.link(head.title, head.canonical, texts),
        report_fallback=fallback_href,
        citation=cite(head, language, updated),
        feed=languages.absolute(language, feed_path(language)[len(language.root) :]),
        feed_title=texts["updates.feed_title"].format(site_name=language.site_name),
        licence_line=Markup(escape(texts["licence.footer"])).format(licence=licence_link(settings.licence)),
        json_ld=Markup(""),
        texts=texts["page_info"],
        colon=texts["punctuation.colon"],
        report_kind=settings.report.kind,
    )
    graph = page_graph(head, language, languages, data, settings, info, page_slug(page.file.src_uri), root)
    return replace(info, json_ld=to_json(graph))


def cite(head: PageHead, language: Language, updated: LastUpdated) -> tuple[str, str, str]:
    """The page's citation in its language's style, as (before, accessed date, after).

    The accessed date (GB/T 7714's [引用日期]) is the reader's: the page shows the day of
    its last change there, and a line of script puts in the reader's own day. A style
    without one gives ('citation', '', '')."""
    texts = language.texts
    values = dict(site_name=language.site_name, title=head.title, url=head.canonical, accessed=_GAP)
    if updated.date:
        pattern = texts["cite.with_date"]
        values["updated"] = cite_date(updated.date, texts)
    else:
        pattern = texts["cite.without_date"]
    before, _, after = pattern.format(**values).partition(_GAP)
    if not _:
        return before, "", ""
    return before, updated.iso or texts["cite.accessed_unknown"], after


_GAP = "\0"


def cite_date(date: PartialDate, texts) -> str:
    months = texts["dates.month_names"]
    return texts["cite.date"].format(
        year=date.year, month=date.month, day=date.day, month_name=months[date.month - 1] if date.month else ""
    )


def _sources(page, root: Path) -> tuple[Path, ...]:
    """The page's file and the data files its markers show, from the project's root."""
    path = Path(page.file.abs_src_path)
    shown = data_files_shown(path.read_text("utf-8"))
    return (path.relative_to(root), *(Path("data") / name for name in shown))

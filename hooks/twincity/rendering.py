"""Render the generated parts of the data pages (agreement index, timeline, quotes,
glossary, open-data list) from validated data, one language at a time.

The pages stay real Markdown; each holds a marker `<!-- twincity:NAME -->` that
`fill_markers` replaces. Headings are Markdown (so they reach the table of contents
and MkDocs' anchor check); the entries are HTML from autoescaped Jinja templates.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from markupsafe import Markup, escape

from .errors import PageError
from .loading import SiteData, garbage_collection_paused
from .models import Agreement, Quote, TimelineEvent, date_display, date_iso
from .dates import PartialDate

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# `<!-- twincity:NAME -->`, or with an id for the markers that take one: `<!-- twincity:quote ID -->`.
MARKER = re.compile(r"<!--\s*twincity:([^\s>]*)(?:[ \t]+([^\s>]+))?\s*-->")

# The page each marker belongs on (slug = file name without language suffix and .md).
MARKER_PAGES = {
    "agreement-index": "agreements",
    "timeline": "timeline",
    "quotes": "quotes",
    "glossary": "glossary",
    "open-data": "sources",
}

# Markers that take an id and may stand on any page, any number of times.
ID_MARKERS = {"quote": "a quotation from data/quotes.yml, e.g. <!-- twincity:quote chen-shared-roots -->"}

AGREEMENT_GROUPS = ("framework", "sector", "district", "enterprise")

# Words of the generated blocks, per language. Headings of the groups follow the source:
# “6个市直部门牵头的行业协议；……4个区县协议；……5个园区、企业和科研院所协议”.
LABELS: dict[str, dict[str, Any]] = {
    "zh": {
        "group": {
            "framework": "合作框架协议",
            "sector": "市直部门牵头的行业协议",
            "district": "区县协议",
            "enterprise": "园区、企业和科研院所协议",
        },
        "count": "（{n}项）",
        "colon": "：",
        "comma": "，",
        "paren_open": "（",
        "paren_close": "）",
        "agreement_total": "共{total}项协议：{framework}项合作框架协议和{specific}项专项合作协议（{groups}）。",
        "group_count": "{label}{n}项",
        "list_sep": "、",
        "parties": "双方",
        "dalian": "大连方",
        "yantai": "烟台方",
        "signed": "签署",
        "signatories": "签署人",
        "related_events": "相关大事",
        "related_quotes": "相关观点",
        "related_agreements": "相关协议",
        "citation": "原文摘录",
        "category": {"history": "历史", "policy": "政策", "cooperation": "合作", "conference": "会议", "goal": "目标"},
        "kind": {"quoted": "原话", "reported": "转述", "suggested": "建议", "report": "报道原文"},
        "report_lead": "报道接着写道：",
        "occasion": "场合",
        "open_quote": "“",
        "close_quote": "”",
        "attribution": "—— ",
        "quotes_page": "各方观点",
        "people": "人物",
        "title": "职务",
        "glossary_kind": {
            "title": "职务与称谓", "place": "地名", "organization": "机构", "agreement": "协议",
            "event": "会议与活动", "programme": "规划与项目", "concept": "概念与提法", "document": "文件",
        },
        "en_variants": "其他英文形式",
        "pinyin": "拼音",
        "open_data_intro": "以下文件与网站一同发布在 /data/ 目录下，内容与本站页面所用数据相同，每个文件都同时包含中文和英文。",
        "file": "文件",
        "open_data_files": "开放数据文件",
        "format": "格式",
        "contents": "内容",
        "entries": "条数",
        "fields_of": "{file} 的字段",
        "field": "字段",
        "description": "说明",
        "csv_note": "CSV 文件为 UTF-8 编码（带 BOM，便于 Excel 打开）；每个双语字段拆为 _zh 与 _en 两列，列表以空格分隔。",
        "dataset": {
            "agreements": "“1+15”合作协议",
            "timeline": "大事记",
            "people": "人物",
            "quotes": "各方观点",
            "glossary": "词汇表",
        },
    },
    "en": {
        "group": {
            "framework": "Framework agreement",
            "sector": "Sector agreements led by municipal departments",
            "district": "District and county agreements",
            "enterprise": "Agreements of parks, enterprises and research institutes",
        },
        "count": " ({n})",
        "colon": ": ",
        "comma": ", ",
        "paren_open": " (",
        "paren_close": ")",
        "report_lead_translated": "The report continues (translated from the Chinese):",
        "agreement_total": "{total} agreements in all: {framework} framework agreement and {specific} specific agreements ({groups}).",
        "group_count": "{n} {label}",
        "list_sep": ", ",
        "parties": "Parties",
        "dalian": "Dalian",
        "yantai": "Yantai",
        "signed": "Signed",
        "signatories": "Signed by",
        "related_events": "Related events",
        "related_quotes": "Related statements",
        "related_agreements": "Related agreements",
        "citation": "Chinese source text",
        "category": {"history": "History", "policy": "Policy", "cooperation": "Cooperation", "conference": "Conference", "goal": "Goal"},
        "kind": {"quoted": "Quotation", "reported": "Reported speech", "suggested": "Suggestion", "report": "From the report"},
        "report_lead": "The report continues:",
        "occasion": "Occasion",
        "translation": "Translation:",
        "original": "Chinese original:",
        "open_quote": "“",
        "close_quote": "”",
        "attribution": "— ",
        "quotes_page": "What they said",
        "people": "People",
        "title": "Title",
        "glossary_kind": {
            "title": "Titles", "place": "Places", "organization": "Organizations", "agreement": "Agreements",
            "event": "Events", "programme": "Plans and programmes", "concept": "Concepts and slogans", "document": "Documents",
        },
        "en_variants": "Also written",
        "pinyin": "Pinyin",
        "open_data_intro": "These files are published with the site under /data/ and hold the same data as its pages; every file carries both Chinese and English.",
        "file": "File",
        "open_data_files": "Open data files",
        "format": "Format",
        "contents": "Contents",
        "entries": "Entries",
        "fields_of": "Fields of {file}",
        "field": "Field",
        "description": "Description",
        "csv_note": "CSV files are UTF-8 (with a byte-order mark, so that Excel opens them correctly); each bilingual field becomes two columns, _zh and _en; lists are separated by spaces.",
        "dataset": {
            "agreements": "The 1+15 agreements",
            "timeline": "Timeline",
            "people": "People",
            "quotes": "Statements",
            "glossary": "Glossary",
        },
    },
}
# The English group names used in the count sentence (“6 sector agreements, …”).
_EN_GROUP_SHORT = {"sector": "sector", "district": "district and county", "enterprise": "park, enterprise and research institute"}
_ZH_GROUP_SHORT = {"sector": "行业协议", "district": "区县协议", "enterprise": "园区、企业和科研院所协议"}


@dataclass(frozen=True)
class PageLinks:
    """Relative links from the page being rendered, so they work under / and under /en/."""

    to_lang_root: str  # e.g. "../" from agreements/ or en/agreements/
    to_site_root: str  # e.g. "../" from sources/, "../../" from en/sources/

    @classmethod
    def for_page_url(cls, page_url: str, lang: str, default_lang: str = "zh") -> PageLinks:
        depth = page_url.count("/")  # "agreements/" -> 1, "en/agreements/" -> 2
        lang_depth = 0 if lang == default_lang else 1
        return cls(to_lang_root="../" * (depth - lang_depth) or "./", to_site_root="../" * depth or "./")

    def page(self, slug: str, anchor: str | None = None) -> str:
        return f"{self.to_lang_root}{slug}/" + (f"#{anchor}" if anchor else "")

    def site_file(self, path: str) -> str:
        return self.to_site_root + path


# -----------------------------------------------------------------------------
# Filling a page
# -----------------------------------------------------------------------------


def fill_markers(markdown: str, *, page_slug: str, lang: str, data: SiteData, links: PageLinks, src: str) -> str:
    """Replace every marker of the page with its generated block; raise PageError on a wrong marker."""
    found = [(m.group(1), m.group(2)) for m in MARKER.finditer(markdown)]
    names = [name for name, _ in found]
    for name, given_id in found:
        if name in ID_MARKERS:
            if given_id is None:
                raise PageError(f"{src}: the marker <!-- twincity:{name} --> needs an id: {ID_MARKERS[name]}")
            continue
        if name not in MARKER_PAGES:
            known = ", ".join([f"<!-- twincity:{n} -->" for n in MARKER_PAGES] + [f"<!-- twincity:{n} ID -->" for n in ID_MARKERS])
            raise PageError(f"{src}: unknown marker <!-- twincity:{name} --> (known markers: {known})")
        if given_id is not None:
            raise PageError(f"{src}: the marker <!-- twincity:{name} --> takes no id (given {given_id!r})")
        if names.count(name) > 1:
            raise PageError(f"{src}: the marker <!-- twincity:{name} --> is given {names.count(name)} times; give it once")
    for name, slug in MARKER_PAGES.items():
        if slug == page_slug and name not in names:
            raise PageError(f"{src}: the marker <!-- twincity:{name} --> is missing; the page must hold it on a line of its own")
    if not found:
        return markdown

    def replace(match: re.Match) -> str:
        name, given_id = match.group(1), match.group(2)
        if name in ID_MARKERS:
            return "\n\n" + ID_RENDERERS[name](data, lang, links, given_id, src=src).strip() + "\n\n"
        level = heading_level_below(markdown[: match.start()])
        return "\n" + RENDERERS[name](data, lang, links, level=level).strip() + "\n"

    return MARKER.sub(replace, markdown)


_ATX_HEADING = re.compile(r"^(#{1,6})[ \t]", re.M)
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)


def heading_level_below(markdown_before: str) -> int:
    """The level for generated headings: one below the last heading before the marker (at least 2, at most 5)."""
    levels = [len(m.group(1)) for m in _ATX_HEADING.finditer(_FENCE.sub("", markdown_before))]
    return min(max((levels[-1] if levels else 1) + 1, 2), 5)


# -----------------------------------------------------------------------------
# Renderers
# -----------------------------------------------------------------------------


def render_agreement_index(data: SiteData, lang: str, links: PageLinks, level: int = 2) -> str:
    labels = LABELS[lang]
    groups = {g: [a for a in data.agreements if a.group == g] for g in AGREEMENT_GROUPS}
    specific = [g for g in AGREEMENT_GROUPS[1:] if groups[g]]
    short = _ZH_GROUP_SHORT if lang == "zh" else _EN_GROUP_SHORT
    total = labels["agreement_total"].format(
        total=len(data.agreements),
        framework=len(groups["framework"]),
        specific=sum(len(groups[g]) for g in specific),
        groups=labels["list_sep"].join(labels["group_count"].format(n=len(groups[g]), label=short[g]) for g in specific),
    )
    return _render("agreement-index.html", lang, links, data, h=level, groups=groups, specific=specific, total=total)


def render_timeline(data: SiteData, lang: str, links: PageLinks, level: int = 2) -> str:
    return _render("timeline.html", lang, links, data, h=level, periods=timeline_periods(data.timeline, lang))


def render_quotes(data: SiteData, lang: str, links: PageLinks, level: int = 2) -> str:
    speakers: dict[str, list[Quote]] = {}
    for quote in data.quotes:  # speakers in order of their first statement
        speakers.setdefault(quote.speaker, []).append(quote)
    return _render("quotes.html", lang, links, data, h=level, speakers=speakers)


def render_quotation(data: SiteData, lang: str, links: PageLinks, quote_id: str, *, src: str) -> str:
    """One quotation from data/quotes.yml as a block: the words (on English pages the
    translation beside the Chinese original) and the speaker, linked to the statements page.
    Written once in data, a quotation reads the same on every page that gives it."""
    quote = data.quote.get(quote_id)
    if quote is None:
        raise PageError(f"{src}: <!-- twincity:quote {quote_id} -->: no statement {quote_id!r} in data/quotes.yml")
    if quote.kind != "quoted":
        raise PageError(
            f"{src}: <!-- twincity:quote {quote_id} -->: the statement is of kind {quote.kind!r}; "
            "only quotations (kind 'quoted') are shown as quotations"
        )
    return _render("quotation.html", lang, links, data, q=quote, speaker=data.person[quote.speaker])


def render_glossary(data: SiteData, lang: str, links: PageLinks, level: int = 2) -> str:
    kinds: dict[str, list] = {}
    for kind in LABELS[lang]["glossary_kind"]:
        terms = [t for t in data.glossary if t.kind == kind]
        if terms:
            kinds[kind] = terms
    return _render("glossary.html", lang, links, data, h=level, kinds=kinds)


def render_open_data(data: SiteData, lang: str, links: PageLinks, level: int = 2) -> str:
    from .open_data import describe_files  # open_data imports this module's labels

    return _render("open-data.html", lang, links, data, h=level, files=describe_files(data, lang))


RENDERERS: dict[str, Callable[..., str]] = {
    "agreement-index": render_agreement_index,
    "timeline": render_timeline,
    "quotes": render_quotes,
    "glossary": render_glossary,
    "open-data": render_open_data,
}
# The markers of ID_MARKERS, given their id.
ID_RENDERERS: dict[str, Callable[..., str]] = {"quote": render_quotation}


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """A heading of the timeline: an era, or a year (an event belongs to the year it starts in)."""

    id: str
    label: str
    events: list[TimelineEvent]


def timeline_periods(events: list[TimelineEvent], lang: str) -> list[Period]:
    """Group chronologically sorted events under their era or year, in order of first appearance."""
    periods: dict[str, Period] = {}
    for event in events:
        if event.is_era:
            key, label = f"period-{event.date.sort_year}", event.date.era[lang]
        else:
            start = PartialDate.parse(event.date if isinstance(event.date, str) else event.date.start)
            key, label = f"year-{start.year}", PartialDate(start.year).display(lang)
        periods.setdefault(key, Period(key, label, [])).events.append(event)
    return list(periods.values())


def _related_events(data: SiteData, agreement: Agreement) -> list[TimelineEvent]:
    """Events the agreement names and events that name it, in timeline order."""
    ids = dict.fromkeys([*agreement.related_events, *data.events_naming.get(agreement.id, [])])
    return sorted((data.event[i] for i in ids), key=lambda e: e.sort_key)


def _related_agreements(data: SiteData, event: TimelineEvent) -> list[Agreement]:
    """Agreements the event names and agreements that name it, in the agreements' order."""
    ids = dict.fromkeys([*event.related_agreements, *data.agreements_naming_event.get(event.id, [])])
    return sorted((data.agreement[i] for i in ids), key=lambda a: data.agreement_position[a.id])


def _agreements_citing(data: SiteData, quote: Quote) -> list[Agreement]:
    return [data.agreement[i] for i in data.agreements_citing.get(quote.id, [])]


def _event_links(events: list[TimelineEvent], lang: str, links: PageLinks) -> list[tuple[str, str]]:
    """(href, “date: title”) for each event, built here: a Jinja filter per link costs a third of the render."""
    colon = LABELS[lang]["colon"]
    return [(links.page("timeline", e.id), f"{date_display(e.date, lang)}{colon}{e.title[lang]}") for e in events]


def _agreement_links(agreements: list[Agreement], lang: str, links: PageLinks) -> list[tuple[str, str]]:
    return [(links.page("agreements", a.id), a.title[lang]) for a in agreements]


@pass_context
def _quote_links(context, quote_ids: list[str]) -> list[tuple[str, str]]:
    """Links to statements, labelled by speaker and kind: “陈绍旺（转述）” / “Chen Shaowang (reported speech)”.

    No excerpt of the words: a cut-off sentence would say less in one language than in
    the other, and a quotation is shown as such only on the quotes page.
    """
    data, lang, t = context["data"], context["lang"], LABELS[context["lang"]]
    labels = [f"{data.person[data.quote[i].speaker].name[lang]}{t['paren_open']}{t['kind'][data.quote[i].kind]}{t['paren_close']}"
              for i in quote_ids]
    numbered = [f"{label} {labels[:n + 1].count(label)}" if labels.count(label) > 1 else label for n, label in enumerate(labels)]
    return [(context["links"].page("quotes", i), label) for i, label in zip(quote_ids, numbered)]


def _markdown_text(value: Any) -> Markup:
    """Text for a Markdown heading: HTML-escaped, and Markdown's own characters escaped too."""
    text = " ".join(str(escape(value)).split())  # a heading is one line
    return Markup(re.sub(r"([\\`*_{}\[\]()#+\-.!])", r"\\\1", text))


# A run of Chinese: ideographs with the full-width punctuation between or around them.
_CHINESE_RUN = re.compile(r"[\u3000-\u303f\uff00-\uffef]*[\u3400-\u9fff\uf900-\ufaff][\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]*")


@pass_context
def _mark_chinese(context, value: Any) -> Markup:
    """Text of the page's language with any Chinese in an English text marked `lang="zh"`,
    so that screen readers voice it as Chinese (WCAG 3.1.2, language of parts)."""
    text = escape(value)
    if context["lang"] == "zh":
        return text
    return Markup(_CHINESE_RUN.sub(lambda m: f'<span lang="zh">{m[0]}</span>', str(text)))


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        md=_markdown_text,
        date=date_display,
        iso=date_iso,
        day=lambda text, lang: PartialDate.parse(text).display(lang),
        quote_links=_quote_links,
        mark_chinese=_mark_chinese,
    )
    return env


_ENV = _environment()


_GENERATED_HEADING = re.compile(r"^#{2,6} .*\{: #[a-z0-9-]+[^{}]*\}$")


def _tidy(text: str) -> str:
    """One HTML block per entry without blank lines inside; a blank line around each Markdown heading."""
    lines = [line for line in text.splitlines() if line.strip()]
    out: list[str] = []
    for line in lines:
        if _GENERATED_HEADING.match(line):
            out += ["", line, ""]
        else:
            out.append(line)
    return "\n".join(out).strip() + "\n"


def _render(template: str, lang: str, links: PageLinks, data: SiteData, **context: Any) -> str:
    with garbage_collection_paused():
        return _tidy(_ENV.get_template(template).render(
            lang=lang,
            t=LABELS[lang],
            links=links,
            data=data,
            related_event_links=lambda a: _event_links(_related_events(data, a), lang, links),
            related_agreement_links=lambda e: _agreement_links(_related_agreements(data, e), lang, links),
            citing_agreement_links=lambda q: _agreement_links(_agreements_citing(data, q), lang, links),
            **context,
        ))

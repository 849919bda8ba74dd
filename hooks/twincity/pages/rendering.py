"""Render the generated parts of the data pages (agreement index, timeline, quotes,
glossary, open-data list, a quotation), the pictures (the schematic of paired places,
the 1+15 at a glance) and the fact sheet's parts (QR code, key dates, PDF link) from
validated data, one language at a time.

Headings are Markdown (so they reach the table of contents and MkDocs' anchor check);
the entries are HTML from autoescaped Jinja templates, which read the language's
catalogue as `t`. Which marker calls which renderer is in `markers.py`.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from markupsafe import Markup, escape

from ..config.catalogue import Catalogue
from ..config.pages import FACTSHEET
from ..data.dates import PartialDate
from ..data.loading import garbage_collection_paused
from ..data.models import (
    Agreement,
    AgreementGroup,
    GlossaryKind,
    Quote,
    Span,
    TimelineEvent,
    date_display,
    date_ends,
    date_iso,
)
from ..data.site_data import SiteData
from ..errors import PageError
from . import glance, schematic
from .links import PageLinks

AGREEMENT_GROUPS: tuple[str, ...] = get_args(AgreementGroup)
GLOSSARY_KINDS: tuple[str, ...] = get_args(GlossaryKind)


@dataclass(frozen=True)
class RenderContext:
    """What every renderer gets: the data, the page's language and where its links go."""

    data: SiteData
    texts: Catalogue  # the page's language's catalogue
    catalogues: dict[str, Catalogue]  # every configured language's, the default first
    source: str  # the language of the source the site quotes
    links: PageLinks
    src: str  # the page's file, for messages: docs/agreements.en.md
    home_url: str = ""  # the absolute address of the language's home page (Languages.absolute), for the QR code
    trust: Any = None  # pages.updates.TrustContext: licence, report address, page titles (updates, licence)

    @property
    def lang(self) -> str:
        return self.texts.code

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.catalogues)


# -----------------------------------------------------------------------------
# Renderers
# -----------------------------------------------------------------------------


def render_agreement_index(ctx: RenderContext, level: int = 2) -> str:
    t = ctx.texts["agreements"]
    groups = {g: [a for a in ctx.data.agreements if a.group == g] for g in AGREEMENT_GROUPS}
    specific = [g for g in AGREEMENT_GROUPS[1:] if groups[g]]
    counts = [
        t["group_count"].format(
            n=_number(len(groups[g]), ctx.texts), label=t["group_short"][g]["one" if len(groups[g]) == 1 else "other"]
        )
        for g in specific
    ]
    total = t["total"].format(
        total=_number(len(ctx.data.agreements), ctx.texts),
        framework=_number(len(groups["framework"]), ctx.texts),
        specific=_number(sum(len(groups[g]) for g in specific), ctx.texts),
        groups=_group_list(counts, ctx.texts),
    )
    return render_template("agreement-index.html", ctx, h=level, groups=groups, specific=specific, total=total)


def render_timeline(ctx: RenderContext, level: int = 2) -> str:
    return render_template(
        "timeline.html", ctx, h=level, periods=timeline_periods(ctx.data.timeline, ctx.texts), undated=_undated(ctx)
    )


def _undated(ctx: RenderContext) -> str:
    """How many entries the report gives no date for, and where the site placed them, counted from the data."""
    t = ctx.texts["timeline"]
    placed: dict[tuple[str, str], int] = {}
    for event in ctx.data.timeline:
        if isinstance(event.date, Span) and event.date.inferred:
            placed[(event.date.start, event.date.to)] = placed.get((event.date.start, event.date.to), 0) + 1
    if not placed:
        return ""
    dates = ctx.texts["dates"]
    places = [
        t["undated_date"].format(n=_number(n, ctx.texts), date=PartialDate.parse(start).display(dates))
        if start == to
        else t["undated_span"].format(
            n=_number(n, ctx.texts),
            start=PartialDate.parse(start).display(dates),
            end=PartialDate.parse(to).display(dates),
        )
        for (start, to), n in placed.items()
    ]
    # The placements are clauses, not words: joined as the language joins clauses.
    joined = (
        places[0] if len(places) < 2 else t["placement_sep"].join(places[:-1]) + t["placement_last_sep"] + places[-1]
    )
    return t["undated"].format(n=_number(sum(placed.values()), ctx.texts), placements=joined)


def render_quotes(ctx: RenderContext, level: int = 2) -> str:
    speakers: dict[str, list[Quote]] = {}
    for quote in ctx.data.quotes:  # speakers in order of their first statement
        speakers.setdefault(quote.speaker, []).append(quote)
    return render_template("quotes.html", ctx, h=level, speakers=speakers)


def render_quotation(ctx: RenderContext, quote_id: str) -> str:
    """One quotation from data/quotes.yml as a block: the words (on pages in another
    language than the source's, the translation beside the original) and the speaker,
    linked to the statements page. Written once in data, a quotation reads the same on
    every page that gives it."""
    quote = ctx.data.quote.get(quote_id)
    if quote is None:
        raise PageError(f"{ctx.src}: <!-- twincity:quote {quote_id} -->: no statement {quote_id!r} in data/quotes.yml")
    if quote.kind != "quoted":
        raise PageError(
            f"{ctx.src}: <!-- twincity:quote {quote_id} -->: the statement is of kind {quote.kind!r}; "
            "only quotations (kind 'quoted') are shown as quotations"
        )
    return render_template("quotation.html", ctx, q=quote, speaker=ctx.data.person[quote.speaker])


def render_glossary(ctx: RenderContext, level: int = 2) -> str:
    kinds: dict[str, list] = {}
    for kind in GLOSSARY_KINDS:
        terms = [t for t in ctx.data.glossary if t.kind == kind]
        if terms:
            kinds[kind] = terms
    return render_template("glossary.html", ctx, h=level, kinds=kinds)


def render_corrections(ctx: RenderContext, level: int = 2) -> str:
    return render_template("corrections.html", ctx, see_links=lambda places: _see_links(places, ctx))


def render_open_data(ctx: RenderContext, level: int = 2) -> str:
    from ..publish.open_data import describe_files  # open_data renders nothing; imported here to keep modules apart

    return render_template("open-data.html", ctx, h=level, files=describe_files(ctx.data, ctx.texts, ctx.catalogues))


def render_schematic(ctx: RenderContext, level: int = 2) -> str:
    """The schematic of the paired places across the strait, then the same pairs as a table."""
    from ..publish.open_data import FOLDER  # open_data renders nothing; imported here to keep modules apart

    t = ctx.texts["schematic"]
    plan = schematic.layout(ctx.data, ctx.lang, t, ctx.links)
    pairs = [
        t["pair"].format(dalian=north.place.name[ctx.lang], yantai=south.place.name[ctx.lang])
        for _, north, south in plan.pairs
    ]
    description = t["description"].format(n=_number(len(pairs), ctx.texts), pairs=_list(pairs, ctx.texts))
    return render_template(
        "schematic.html",
        ctx,
        plan=plan,
        description=description,
        line=schematic.LINE,
        font=schematic.FONT,
        title_font=schematic.TITLE_FONT,
        dot=schematic.DOT,
        geojson=ctx.links.site_file(f"{FOLDER}/places.geojson"),
    )


def render_glance(ctx: RenderContext, level: int = 2) -> str:
    """The 1+15 agreements as a picture: one square per agreement, a row per group."""
    t = ctx.texts["glance"]
    plan = glance.layout(ctx.data, ctx.lang, t, ctx.links, number=lambda n: _number(n, ctx.texts))
    groups = [
        t["group_count"].format(n=_number(row.count, ctx.texts), label=t["group"][row.group])
        for row in plan.rows
        if row.group != "framework"
    ]
    description = t["description"].format(
        framework=_number(plan.framework, ctx.texts),
        specific=_number(plan.specific, ctx.texts),
        groups=_group_list(groups, ctx.texts),
    )
    return render_template(
        "glance.html",
        ctx,
        plan=plan,
        description=description,
        cell=glance.CELL,
        font=schematic.FONT,
        big_font=glance.BIG_FONT,
        plus_font=glance.PLUS_FONT,
        column=glance.COLUMN,
    )


def factsheet_pdf_name(lang: str) -> str:
    """The file name of a language's fact-sheet PDF, beside its fact-sheet page."""
    return f"yantai-dalian-factsheet-{lang}.pdf"


def render_factsheet_qr(ctx: RenderContext, level: int = 2) -> str:
    """A QR code (drawn offline as SVG) leading to the home page of the page's language."""
    from .qr import qr_path

    if not ctx.home_url:
        raise PageError(f"{ctx.src}: <!-- twincity:factsheet-qr -->: no address for the QR code (site_url)")
    size, path = qr_path(ctx.home_url)
    return render_template("factsheet-qr.html", ctx, url=ctx.home_url, size=size, path=path)


def render_factsheet_dates(ctx: RenderContext, ids: str) -> str:
    """Key dates: the named timeline events, with their dates, linked to the timeline."""
    wanted = ids.split()
    unknown = [i for i in wanted if i not in ctx.data.event]
    if unknown:
        raise PageError(
            f"{ctx.src}: <!-- twincity:factsheet-dates ... -->: no timeline event "
            f"{', '.join(map(repr, unknown))} in data/timeline.yml"
        )
    events = [
        (
            ctx.links.page("timeline", i),
            date_iso(ctx.data.event[i].date),
            date_display(ctx.data.event[i].date, ctx.texts),
            ctx.data.event[i].title[ctx.lang],
        )
        for i in wanted
    ]
    return render_template("factsheet-dates.html", ctx, events=events)


def render_factsheet_pdf(ctx: RenderContext, level: int = 2) -> str:
    """The link to the fact sheet's PDF in the page's language (and, elsewhere, to the fact sheet)."""
    on_factsheet = ctx.links.targets.get(FACTSHEET) == ctx.links.page_url
    page_href = None if on_factsheet else ctx.links.page(FACTSHEET)
    href = (page_href or "") + factsheet_pdf_name(ctx.lang)
    return render_template("factsheet-pdf.html", ctx, href=href, page_href=page_href)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _number(n: int, texts: Catalogue) -> str:
    """A count as the language writes it in running text (English spells out numbers under ten)."""
    words = texts["numbers"]
    return words[n] if 0 <= n < len(words) else str(n)


def _list(items: list[str], texts: Catalogue) -> str:
    """Items joined as the language writes a list: 'a, b and c' / 'a、b、c'."""
    p = texts["punctuation"]
    if len(items) < 2:
        return "".join(items)
    return p["list_sep"].join(items[:-1]) + p["list_last_sep"] + items[-1]


def _group_list(items: list[str], texts: Catalogue) -> str:
    """The agreement groups with their counts, as a list: group names hold commas and 、 themselves."""
    t = texts["agreements"]
    if len(items) < 2:
        return "".join(items)
    if len(items) == 2:
        return t["group_pair_sep"].join(items)
    return t["group_sep"].join(items[:-1]) + t["group_last_sep"] + items[-1]


@dataclass(frozen=True)
class Period:
    """A heading of the timeline: an era, or a year (an event belongs to the year it starts in)."""

    id: str
    label: str
    events: list[TimelineEvent]


def timeline_periods(events: list[TimelineEvent], texts: Catalogue) -> list[Period]:
    """Group chronologically sorted events under their era or year, in order of first appearance."""
    periods: dict[str, Period] = {}
    for event in events:
        if event.is_era:
            key, label = f"period-{event.date.sort_year}", event.date.era[texts.code]
        else:
            start = date_ends(event.date)[0]
            key, label = f"year-{start.year}", PartialDate(start.year).display(texts["dates"])
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


def _event_links(events: list[TimelineEvent], ctx: RenderContext) -> list[tuple[str, str]]:
    """(href, “title (date)”) for each event, built here: a Jinja filter per link costs a third of the render."""
    pattern = ctx.texts["timeline.event_link"]
    return [
        (
            ctx.links.page("timeline", e.id),
            pattern.format(title=e.title[ctx.lang], date=date_display(e.date, ctx.texts)),
        )
        for e in events
    ]


def _see_links(places: list[str], ctx: RenderContext) -> Markup:
    """Links to pages of the site ('outlook#trend'), named by the pages' titles, as a list."""
    links = []
    for place in places:
        slug, _, anchor = place.partition("#")
        links.append(Markup('<a href="{}">{}</a>').format(ctx.links.page(slug, anchor), ctx.links.title(slug)))
    return Markup(_list([str(link) for link in links], ctx.texts))


def _agreement_links(agreements: list[Agreement], ctx: RenderContext) -> list[tuple[str, str]]:
    return [(ctx.links.page("agreements", a.id), a.title[ctx.lang]) for a in agreements]


@pass_context
def _quote_links(context, quote_ids: list[str]) -> list[tuple[str, str]]:
    """Links to statements, labelled by speaker and kind: “陈绍旺（转述）” / “Chen Shaowang (reported speech)”.

    No excerpt of the words: a cut-off sentence would say less in one language than in
    the other, and a quotation is shown as such only on the quotes page.
    """
    data, lang, t = context["data"], context["lang"], context["t"]
    p = t["punctuation"]
    labels = [
        f"{data.person[data.quote[i].speaker].name[lang]}{p['paren_open']}{t['quotes']['link_kind'][data.quote[i].kind]}{p['paren_close']}"
        for i in quote_ids
    ]
    numbered = [
        f"{label} {labels[: n + 1].count(label)}" if labels.count(label) > 1 else label
        for n, label in enumerate(labels)
    ]
    return [(context["links"].page("quotes", i), label) for i, label in zip(quote_ids, numbered)]


def _markdown_text(value: Any) -> Markup:
    """Text for a Markdown heading: HTML-escaped (&, <, >; quotes stay quotes, or the table
    of contents would show their entities), and Markdown's own characters escaped too."""
    text = " ".join(html.escape(str(value), quote=False).split())  # a heading is one line
    return Markup(re.sub(r"([\\`*_{}\[\]()#+\-.!])", r"\\\1", text))


# A run of Chinese: ideographs with the full-width punctuation between or around them.
_HAN_RUN = re.compile(
    r"[\u3000-\u303f\uff00-\uffef]*[\u3400-\u9fff\uf900-\ufaff][\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]*"
)


@pass_context
def _mark_foreign_han(context, value: Any) -> Markup:
    """Text of the page's language, titles of works in italics, with any run of Han characters marked with the
    language they belong to (the catalogue's `language.foreign_han`), so that screen
    readers voice it right (WCAG 3.1.2, language of parts). Nothing is marked where Han
    is the page language's own script."""
    text = _italic_works(escape(value), context["t"]["works"])
    foreign = context["t"]["language"]["foreign_han"]
    if not foreign:
        return text
    return Markup(_HAN_RUN.sub(lambda m: f'<span lang="{foreign}">{m[0]}</span>', str(text)))


def _italic_works(text: Markup, works: list[str]) -> Markup:
    """Titles of works (the catalogue's `works`) in italics, as the pages write them in Markdown."""
    for title in works:
        text = Markup(
            re.sub(rf"(?<![\w>]){re.escape(str(escape(title)))}(?![\w<])", lambda m: f"<em>{m[0]}</em>", str(text))
        )
    return text


def _fill(pattern: str, **values: Any) -> Markup:
    """A catalogue pattern with values put in, each escaped unless it is markup already."""
    return Markup(escape(pattern)).format(**values)


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(Path(__file__).parents[1] / "templates"),
        # The compiled templates are kept between builds (compiled_templates.py): without
        # the optimizer no filter runs while compiling, so none of its results is kept.
        optimized=False,
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        md=_markdown_text,
        date=date_display,
        ends=date_ends,
        display=lambda partial, texts: partial.display(texts["dates"]),
        day=lambda text, texts: PartialDate.parse(text).display(texts["dates"]),
        quote_links=_quote_links,
        mark_foreign=_mark_foreign_han,
        fill=_fill,
    )
    return env


ENV = _environment()  # the one Jinja environment of the generated blocks and the feeds


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


def render_template(template: str, ctx: RenderContext, **context: Any) -> str:
    data = ctx.data
    with garbage_collection_paused():
        return _tidy(
            ENV.get_template(template).render(
                lang=ctx.lang,
                source=ctx.source,
                others=[code for code in ctx.languages if code != ctx.lang],
                texts=ctx.texts,
                t=ctx.texts.tree,
                source_punctuation=ctx.catalogues[ctx.source].tree["punctuation"],
                links=ctx.links,
                data=data,
                related_event_links=lambda a: _event_links(_related_events(data, a), ctx),
                related_agreement_links=lambda e: _agreement_links(_related_agreements(data, e), ctx),
                citing_agreement_links=lambda q: _agreement_links(_agreements_citing(data, q), ctx),
                **context,
            )
        )

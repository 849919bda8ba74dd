"""Typed models of data/*.yml: people, agreements, timeline events, quotes, glossary terms.

A text (`Text`) holds one value per configured language: the languages come from
mkdocs.yml and reach validation as its context (`{"languages": (...)}`), so a text
missing in one language is a data error naming file, entry and field. The fields'
descriptions are in each language's catalogue (`fields.<Model>.<field>`), where the
open-data documentation on the sources page reads them. A field that refers to
entries of another kind says so with `refers_to`, and loading checks those references.

Every text (`NonEmptyText`, which `Text` holds per language) refuses what a reader
cannot see: control characters (Cc) except the line break a long text may hold, and
invisible format characters (Cf: zero-width space, joiners, BOM, bidi controls, soft
hyphen), line/paragraph separators and private-use characters (`REFUSED_CATEGORIES`,
reasons beside it and in data/README.md). A list of ids names each once (`IdList`),
and a date that records the past is not later than the build's day (`not_after_today`).
"""

from __future__ import annotations

import datetime
import unicodedata
from collections import Counter
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    RootModel,
    StrictInt,
    StringConstraints,
    Tag,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .dates import PartialDate

# -----------------------------------------------------------------------------
# Building blocks
# -----------------------------------------------------------------------------

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
# A place on a page of the site: 'outlook#trend' (the page's file name without .md, then an id).
PageAnchor = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*#[a-z0-9]+(?:-[a-z0-9]+)*$")]
# The longest text a field may hold (data/README.md): the longest today is under 600
# characters; a text of many thousands is a mistake (a paste gone wrong), not content.
MAX_TEXT = 2000

# Characters a text may not hold. Every text of the data reaches HTML, JSON, CSV, the
# search index and the Atom feeds (XML 1.0, where a NUL or an ESC is not allowed at all),
# and a reader cannot see these characters, so a text holding one is a mistake:
# - control characters (Unicode category Cc: NUL, ESC, tab, carriage return…), except
#   the line break (U+000A): YAML's block texts (`|`) end their lines with it, and a
#   long text (a citation, a correction's `wrong`) may hold it;
# - invisible format characters (Cf): the zero-width space U+200B, the zero-width
#   (non-)joiners U+200C/U+200D, a byte-order mark U+FEFF inside a text, the bidi
#   controls U+202A–U+202E and U+2066–U+2069, the soft hyphen U+00AD… None of the site's
#   languages needs one (a language that does, Persian's ZWNJ say, would be allowed here
#   by name);
# - the line and paragraph separators U+2028/U+2029 (Zl, Zp), which break scripts and
#   JSON read as JavaScript, and private-use characters (Co), which no font shows alike.
ALLOWED_CONTROLS = frozenset("\n")
REFUSED_CATEGORIES = ("Cc", "Cf", "Zl", "Zp", "Co")


def _check_characters(value: str) -> str:
    for position, char in enumerate(value):
        if char not in ALLOWED_CONTROLS and unicodedata.category(char) in REFUSED_CATEGORIES:
            name = unicodedata.name(char, "a control character")
            raise ValueError(
                f"holds an invisible or control character U+{ord(char):04X} ({name}) at character "
                f"{position + 1}; delete it (texts hold only visible characters, spaces and line breaks)"
            )
    return value


# The one text type of the data: every text field and every language's value of a Text.
NonEmptyText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT),
    AfterValidator(_check_characters),
]


def _unique(values: list[Any]) -> list[Any]:
    repeated = [value for value, count in Counter(values).items() if count > 1]
    if repeated:
        first = repeated[0]
        positions = [str(i) for i, value in enumerate(values) if value == first]
        raise ValueError(f"{first!r} is listed {len(positions)} times (at {', '.join(positions)}); list it once")
    return values


def _today(info: ValidationInfo) -> datetime.date:
    """The build's day (validation context 'today' in tests)."""
    return (info.context or {}).get("today") or datetime.date.today()


def not_after_today(value: str, info: ValidationInfo, what: str) -> None:
    """A date of the past (a partial date counts from its first day): not later than the build's day."""
    start = PartialDate.parse(value)
    first_day = datetime.date(start.year, start.month or 1, start.day or 1)
    today = _today(info)
    if first_day > today:
        raise ValueError(f"{value!r} is later than today ({today.isoformat()}); {what} records the past")


# A list of ids (references, former ids): each at most once.
IdList = Annotated[list[Id], AfterValidator(lambda values: _unique(values))]


def refers_to(kind: str, **kwargs: Any) -> Any:
    """A field holding ids of entries of another kind (a data kind's name: 'people')."""
    return Field(json_schema_extra={"refers_to": kind}, **kwargs)


def languages_of(info: ValidationInfo) -> tuple[str, ...]:
    """The configured languages, given to validation as its context."""
    languages = (info.context or {}).get("languages")
    if not languages:
        raise ValueError("validated without the site's languages (context={'languages': (...)})")
    return tuple(languages)


def _check_partial_date(value: str) -> str:
    PartialDate.parse(value)  # raises ValueError with the reason
    return value.strip()


DateString = Annotated[str, AfterValidator(_check_partial_date)]


class _Model(BaseModel):
    """Unknown keys are errors; loaded data does not change."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(RootModel[dict[str, NonEmptyText]]):
    """A text with one value per configured language: {zh: …, en: …}."""

    model_config = ConfigDict(frozen=True)

    @model_validator(mode="after")
    def _one_per_language(self, info: ValidationInfo) -> Text:
        languages = languages_of(info)
        missing = [code for code in languages if code not in self.root]
        unknown = [code for code in self.root if code not in languages]
        if missing or unknown:
            # validation_messages.py turns this into one problem per language: "title.en: missing".
            raise PydanticCustomError(
                "text_languages",
                "a text holds one value per language: {languages}",
                {"languages": ", ".join(languages), "missing": missing, "unknown": unknown},
            )
        return self

    def __getitem__(self, lang: str) -> str:
        return self.root[lang]


class Era(_Model):
    """A period rather than a date: shown by its name, ordered by sort_year."""

    era: Text
    sort_year: StrictInt


class Span(_Model):
    """From one day, month or year to another."""

    model_config = ConfigDict(populate_by_name=False)

    start: DateString = Field(alias="from")
    to: DateString
    # The report gives no date: the span is the site's reading of the context.
    inferred: bool = False

    @model_validator(mode="after")
    def _start_not_after_end(self) -> Span:
        if PartialDate.parse(self.start).sort_key > PartialDate.parse(self.to).sort_key:
            raise ValueError(f"the span starts ({self.start}) after it ends ({self.to})")
        return self


def _date_form(value: Any) -> str | None:
    if isinstance(value, str):
        return "@date"
    if isinstance(value, dict):
        return "@era" if "era" in value else "@span"
    if isinstance(value, (Era, Span)):  # when serializing
        return "@era" if isinstance(value, Era) else "@span"
    return None


# Tags start with "@" so that error messages can leave them out of field paths.
EventDate = Annotated[
    Annotated[DateString, Tag("@date")] | Annotated[Era, Tag("@era")] | Annotated[Span, Tag("@span")],
    Discriminator(
        _date_form,
        custom_error_type="date_form",
        custom_error_message=(
            'expected a quoted date ("2025-02-17", "2024-03" or "2024"), '
            "an era {era: {<language>: <name>, …}, sort_year} or a span {from, to}"
        ),
    ),
]


def date_sort_key(date: str | Era | Span) -> tuple[int, int, int, int]:
    """Eras first (by sort_year), then by (start) date, a year before its months."""
    if isinstance(date, Era):
        return (0, date.sort_year, 0, 0)
    start = PartialDate.parse(date.start if isinstance(date, Span) else date)
    return (1, *start.sort_key)


def date_ends(date: str | Span) -> tuple[PartialDate, ...]:
    """The one date, or the two ends of a span."""
    if isinstance(date, Span):
        return (PartialDate.parse(date.start), PartialDate.parse(date.to))
    return (PartialDate.parse(date),)


def date_display(date: str | Era | Span, texts: Any) -> str:
    """The date as a language shows it; `texts` is the language's catalogue."""
    if isinstance(date, Era):
        return date.era[texts.code]
    formats = texts["dates"]
    shown = [end.display(formats) for end in date_ends(date)]
    if isinstance(date, Span) and date.inferred:
        if date.start == date.to:  # one month or day the site placed the undated entry in
            return formats["inferred_date"].format(date=shown[0])
        return formats["inferred_span"].format(start=shown[0], end=shown[1])
    return formats["span_separator"].join(shown)


def date_iso(date: str | Era | Span) -> str | None:
    """ISO 8601 as precise as known (a span as start/end, as the open data writes it); none for an era."""
    if isinstance(date, Era):
        return None
    return "/".join(end.iso for end in date_ends(date))


# -----------------------------------------------------------------------------
# The five kinds of entries
# -----------------------------------------------------------------------------


class Person(_Model):
    """data/people.yml: a person named in the source, with the title held at the time."""

    id: Id
    name: Text
    title: Text
    title_note: Text | None = Field(default=None)


AgreementGroup = Literal["framework", "sector", "district", "enterprise"]


class Parties(_Model):
    dalian: Text | None = Field(default=None)
    yantai: Text | None = Field(default=None)


def _signed_date(value: str, info: ValidationInfo) -> str:
    not_after_today(value, info, "an agreement's signing")
    return value


class Signing(_Model):
    date: Annotated[DateString, AfterValidator(_signed_date)]
    place: Text


class Agreement(_Model):
    """data/agreements.yml: the framework agreement or one of the specific agreements."""

    id: Id
    group: AgreementGroup
    title: Text
    description: Text
    parties: Parties | None = Field(default=None)
    signed: Signing
    signatories: IdList = refers_to("people", default_factory=list)
    related_events: IdList = refers_to("timeline", default_factory=list)
    related_quotes: IdList = refers_to("quotes", default_factory=list)
    citation: NonEmptyText
    # The parties' places (data/places.yml), at most one on each side: drawn, paired, on the schematic.
    places: IdList = refers_to("places", default_factory=list)


EventCategory = Literal["history", "policy", "cooperation", "conference", "goal"]


class TimelineEvent(_Model):
    """data/timeline.yml: a dated (or era) event."""

    id: Id
    date: EventDate
    category: EventCategory
    title: Text
    summary: Text
    related_agreements: IdList = refers_to("agreements", default_factory=list)
    citation: NonEmptyText

    @model_validator(mode="after")
    def _past_unless_a_goal(self, info: ValidationInfo) -> TimelineEvent:
        # Every category but `goal` tells what happened: it starts no later than today.
        if self.category != "goal" and not isinstance(self.date, Era):
            start = self.date.start if isinstance(self.date, Span) else self.date
            try:
                not_after_today(start, info, f"a {self.category} entry (every category but goal)")
            except ValueError as error:
                raise PydanticCustomError("past_date", "date: {reason}", {"reason": str(error)}) from None
        return self

    @property
    def sort_key(self) -> tuple[int, int, int, int]:
        return date_sort_key(self.date)

    @property
    def is_era(self) -> bool:
        return isinstance(self.date, Era)


QuoteKind = Literal["quoted", "reported", "suggested", "report"]


class Quote(_Model):
    """data/quotes.yml: a statement from the source, with who made it and how the source reports it."""

    id: Id
    speaker: Id = refers_to("people")
    kind: QuoteKind
    occasion: Text
    text: Text
    citation: NonEmptyText


GlossaryKind = Literal["title", "place", "organization", "agreement", "event", "programme", "concept", "document"]


class GlossaryTerm(_Model):
    """data/glossary.yml: a name or term with the one form each language's pages use."""

    id: Id
    # Ids of entries merged into this one: their anchors stay on the glossary page.
    former_ids: IdList = Field(default_factory=list)
    kind: GlossaryKind
    term: Text
    variants: dict[str, Annotated[list[NonEmptyText], AfterValidator(lambda values: _unique(values))]] = Field(
        default_factory=dict
    )
    pinyin: NonEmptyText | None = Field(default=None)
    note: Text | None = Field(default=None)

    @model_validator(mode="after")
    def _variants_in_site_languages(self, info: ValidationInfo) -> GlossaryTerm:
        unknown = [code for code in self.variants if code not in languages_of(info)]
        if unknown:
            raise ValueError(f"variants: {', '.join(map(repr, unknown))} is not a language of the site")
        return self


class Correction(_Model):
    """data/corrections.yml: how the site corrects a misprint or layout defect of the source."""

    id: Id
    wrong: NonEmptyText
    right: NonEmptyText
    times: StrictInt
    printed: NonEmptyText
    corrected: NonEmptyText
    certain: bool
    reason: Text
    see: Annotated[list[PageAnchor], AfterValidator(lambda values: _unique(values))] = Field(default_factory=list)


class SourceDescription(_Model):
    """sources/source.yml: what the site knows of its one source, the project's copy of the article."""

    file: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9._-]+$")]  # beside source.yml
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]  # of the copy as received
    headline: NonEmptyText
    subheadline: NonEmptyText
    byline: NonEmptyText
    author: Id = refers_to("people")  # the reporter (schema.org names them)
    headline_block: str  # how the layout printed the headline and subheadline inside a sentence
    framework_agreement_names: list[NonEmptyText] = Field(min_length=1)


# -----------------------------------------------------------------------------
# Places: the parties of the district, county and park agreements, one per side of
# the Bohai Strait, each with a position whose source is named (GeoNames). Positions
# only order the places on the schematic: it is a diagram, not a map.
# -----------------------------------------------------------------------------

Side = Literal["dalian", "yantai"]
PlaceKind = Literal["district-county", "new-area", "bonded-zone", "development-zone"]
Longitude = Annotated[float, Field(ge=-180, le=180, allow_inf_nan=False)]
Latitude = Annotated[float, Field(ge=-90, le=90, allow_inf_nan=False)]


class GeoNamesPoint(_Model):
    """The GeoNames entry a position is taken from."""

    geonames: Annotated[StrictInt, Field(gt=0)]
    name: NonEmptyText


class Position(_Model):
    lon: Longitude
    lat: Latitude
    source: GeoNamesPoint
    note: Text | None = Field(default=None)


class Place(_Model):
    """data/places.yml: a place that is party to an agreement, on the Dalian or the Yantai side."""

    id: Id
    name: Text
    side: Side
    kind: PlaceKind
    position: Position


def _check_day(value: str, info: ValidationInfo) -> str:
    if PartialDate.parse(value).day is None:
        raise ValueError(f'{value!r} is not a day: an update is dated to the day ("2026-12-01")')
    not_after_today(value, info, "an update")
    return value.strip()


# A page of the site by its file name without language suffix and .md ('agreements',
# 'index'), optionally with an anchor on it ('agreements#maritime-affairs').
PageAddress = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:#[a-z0-9]+(?:[-_][a-z0-9]+)*)?$")]


class Update(_Model):
    """data/updates.yml: a change to the site: its day, what changed, and the pages or entries it concerns."""

    id: Id  # the anchor on the updates page and the source of the feed entry's id: never change it
    date: Annotated[str, AfterValidator(_check_day)]
    title: Text
    summary: Text
    concerns: Annotated[list[PageAddress], AfterValidator(lambda values: _unique(values))] = Field(
        default_factory=list
    )  # none: the site as a whole

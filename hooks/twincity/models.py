"""Typed models of data/*.yml: people, agreements, timeline events, quotes, glossary terms.

Every field carries its description in Chinese and English (`_field`); the open-data
documentation on the sources page is generated from them, so it cannot drift from the code.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StrictInt,
    StringConstraints,
    Tag,
    model_validator,
)

from .dates import SPAN_SEPARATOR, PartialDate

# -----------------------------------------------------------------------------
# Building blocks
# -----------------------------------------------------------------------------

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
NonEmptyText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _field(zh: str, en: str, **kwargs: Any) -> Any:
    """A model field documented in both languages (en in `description`, zh beside it)."""
    return Field(description=en, json_schema_extra={"description_zh": zh}, **kwargs)


def _check_partial_date(value: str) -> str:
    PartialDate.parse(value)  # raises ValueError with the reason
    return value.strip()


DateString = Annotated[str, AfterValidator(_check_partial_date)]


class _Model(BaseModel):
    """Unknown keys are errors; loaded data does not change."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Model):
    """A text in both languages."""

    zh: NonEmptyText = _field("中文文本", "Chinese text")
    en: NonEmptyText = _field("英文文本", "English text")

    def __getitem__(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


class Era(_Model):
    """A period rather than a date: shown by its name, ordered by sort_year."""

    era: Text = _field("时期名称", "name of the period")
    sort_year: StrictInt = _field("仅用于排序的年份，不显示", "year used only for ordering; not displayed")


class Span(_Model):
    """From one day, month or year to another."""

    model_config = ConfigDict(populate_by_name=False)

    start: DateString = _field("起始日期", "first date", alias="from")
    to: DateString = _field("结束日期", "last date")

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
    Union[
        Annotated[DateString, Tag("@date")],
        Annotated[Era, Tag("@era")],
        Annotated[Span, Tag("@span")],
    ],
    Discriminator(
        _date_form,
        custom_error_type="date_form",
        custom_error_message=(
            'expected a quoted date ("2025-02-17", "2024-03" or "2024"), '
            "an era {era: {zh, en}, sort_year} or a span {from, to}"
        ),
    ),
]


def date_sort_key(date: str | Era | Span) -> tuple[int, int, int, int]:
    """Eras first (by sort_year), then by (start) date, a year before its months."""
    if isinstance(date, Era):
        return (0, date.sort_year, 0, 0)
    start = PartialDate.parse(date.start if isinstance(date, Span) else date)
    return (1, *start.sort_key)


def date_display(date: str | Era | Span, lang: str) -> str:
    if isinstance(date, Era):
        return date.era[lang]
    if isinstance(date, Span):
        start, end = PartialDate.parse(date.start), PartialDate.parse(date.to)
        return start.display(lang) + SPAN_SEPARATOR[lang] + end.display(lang)
    return PartialDate.parse(date).display(lang)


def date_iso(date: str | Era | Span) -> str | None:
    """The `datetime` of a <time> element: ISO as precise as known; an interval for a span; none for an era."""
    if isinstance(date, Era):
        return None
    if isinstance(date, Span):
        return f"{PartialDate.parse(date.start).iso}/{PartialDate.parse(date.to).iso}"
    return PartialDate.parse(date).iso


# -----------------------------------------------------------------------------
# The five kinds of entries
# -----------------------------------------------------------------------------


class Person(_Model):
    """data/people.yml: a person named in the source, with the title held at the time."""

    id: Id = _field("标识（小写字母、数字和连字符）", "identifier (lowercase letters, digits, hyphens)")
    name: Text = _field("姓名", "name (English: pinyin, family name first)")
    title: Text = _field("职务（2025年2月时）", "title at the time (February 2025)")
    title_note: Text | None = _field("职务说明（可选）", "note on the title (optional)", default=None)


AgreementGroup = Literal["framework", "sector", "district", "enterprise"]


class Parties(_Model):
    dalian: Text | None = _field("大连方", "Dalian party", default=None)
    yantai: Text | None = _field("烟台方", "Yantai party", default=None)


class Signing(_Model):
    date: DateString = _field("签署日期", "date of signing")
    place: Text = _field("签署地点", "place of signing")


class Agreement(_Model):
    """data/agreements.yml: the framework agreement or one of the specific agreements."""

    id: Id = _field("标识，即协议页面上的锚点", "identifier, the anchor on the agreements page")
    group: AgreementGroup = _field(
        "类别：framework（框架协议）、sector（行业）、district（区县）、enterprise（园区、企业和科研院所）",
        "group: framework, sector (municipal departments), district (districts and counties), "
        "enterprise (parks, enterprises and research institutes)",
    )
    title: Text = _field("名称", "title")
    description: Text = _field("说明（仅限原文所述）", "description (only what the source says)")
    parties: Parties | None = _field("双方（仅限原文所列）", "parties (only as far as the source names them)", default=None)
    signed: Signing = _field("签署日期与地点", "date and place of signing")
    signatories: list[Id] = _field("签署人（people.yml 中的标识）", "signatories (ids in people.yml)", default_factory=list)
    related_events: list[Id] = _field("相关大事（timeline.yml 中的标识）", "related events (ids in timeline.yml)", default_factory=list)
    related_quotes: list[Id] = _field("相关观点（quotes.yml 中的标识）", "related statements (ids in quotes.yml)", default_factory=list)
    citation: NonEmptyText = _field("原文摘录（中文）", "excerpt of the Chinese source text")


EventCategory = Literal["history", "policy", "cooperation", "conference", "goal"]


class TimelineEvent(_Model):
    """data/timeline.yml: a dated (or era) event."""

    id: Id = _field("标识，即大事记页面上的锚点", "identifier, the anchor on the timeline page")
    date: EventDate = _field(
        "日期：“2025-02-17”“2024-03”“2024”，时期 {era, sort_year}，或时段 {from, to}",
        'date: "2025-02-17", "2024-03", "2024", an era {era, sort_year} or a span {from, to}',
    )
    title: Text = _field("标题", "title")
    summary: Text = _field("摘要", "summary")
    category: EventCategory = _field(
        "类别：history、policy、cooperation、conference、goal",
        "category: history, policy, cooperation, conference, goal",
    )
    citation: NonEmptyText = _field("原文摘录（中文）", "excerpt of the Chinese source text")
    related_agreements: list[Id] = _field(
        "相关协议（agreements.yml 中的标识）", "related agreements (ids in agreements.yml)", default_factory=list
    )

    @property
    def sort_key(self) -> tuple[int, int, int, int]:
        return date_sort_key(self.date)

    @property
    def is_era(self) -> bool:
        return isinstance(self.date, Era)


QuoteKind = Literal["quoted", "reported", "suggested", "report"]


class Quote(_Model):
    """data/quotes.yml: a statement from the source, with who made it and how the source reports it."""

    id: Id = _field("标识，即观点页面上的锚点", "identifier, the anchor on the statements page")
    speaker: Id = _field(
        "发言人（people.yml 中的标识）；report 类为其后所接的发言人",
        "speaker (id in people.yml); for kind report, the person whose remarks it follows",
    )
    kind: QuoteKind = _field(
        "quoted（原文加引号）、reported（“某某说”转述）、suggested（“某某建议”）、report（可能为记者的话）",
        "quoted (in quotation marks in the source), reported (reported speech), "
        "suggested (a suggestion), report (possibly the reporter’s own words)",
    )
    occasion: Text = _field("场合", "occasion")
    text: Text = _field("内容（英文为忠实译文）", "statement (English: a faithful translation)")
    citation: NonEmptyText = _field("原文摘录（中文）", "excerpt of the Chinese source text")


GlossaryKind = Literal["title", "place", "organization", "agreement", "event", "programme", "concept", "document"]


class GlossaryTerm(_Model):
    """data/glossary.yml: a name or term with the one English form the site uses."""

    id: Id = _field("标识", "identifier")
    kind: GlossaryKind = _field(
        "类别：title、place、organization、agreement、event、programme、concept、document",
        "kind: title, place, organization, agreement, event, programme, concept, document",
    )
    zh: NonEmptyText = _field("中文", "Chinese term")
    en: NonEmptyText = _field("英文页面使用的英文形式", "the English form the English pages use")
    en_variants: list[NonEmptyText] = _field(
        "英文页面上同样认可的其他英文形式", "other English forms accepted on English pages", default_factory=list
    )
    pinyin: NonEmptyText | None = _field("拼音（可选）", "pinyin (optional)", default=None)
    note: Text | None = _field("注释（可选）", "note (optional)", default=None)

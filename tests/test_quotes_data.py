"""data/quotes.yml: every statement the source attributes to a named person is there,
shows exactly the words it cites, and is never presented as more than it is
(reported speech and the report's own sentences are not shown as quotations)."""

from __future__ import annotations

import re

import pytest
import yaml

from support.site import LANGUAGES, ROOT, SOURCE_LANGUAGE

QUOTES_FILE = ROOT / "data" / "quotes.yml"
PEOPLE_FILE = ROOT / "data" / "people.yml"
SOURCE_FILE = ROOT / "sources" / f"source-article.{SOURCE_LANGUAGE}.txt"
# The languages the statements are translated into (the source's language holds the originals).
TRANSLATIONS = [lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE]

# The fixed quote ids, in the order their statements appear in the source.
QUOTE_IDS = (
    "chen-regional-coordination",
    "chen-1-plus-15",
    "chen-planning",
    "chen-shipping-logistics",
    "chen-industry",
    "chen-innovation",
    "chen-culture-tourism",
    "chen-mechanism",
    "zheng-industrial-system",
    "zheng-innovation",
    "zheng-connectivity",
    "zheng-marine",
    "zheng-green",
    "zheng-tourism-consumption",
    "zheng-mechanism",
    "chen-shared-roots",
    "gao-two-cities",
    "gao-significance",
    "liu-double-peninsula",
    "liu-synergy",
    "liu-top-level-planning",
    "report-implementation",
    "wang-four-directions",
    "report-bohai-bay-strategy",
    "wang-future-fields",
    "wang-confidence",
)
KINDS = {"quoted", "reported", "suggested", "report"}

OPENING_MARKS = '“‘"「『'
CLOSING_MARKS = '”’"」』'
# ’ and ' between two letters are apostrophes (Yantai’s), not quotation marks.
_APOSTROPHE = re.compile(r"(?<=[A-Za-z])['’](?=[A-Za-z])")
_QUOTATION_MARK = re.compile(r"[“”‘’\"'「」『』]")


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def _load(path):
    return yaml.safe_load(path.read_text("utf-8"))


def _normalised(text: str) -> str:
    """Text without whitespace, with full-width punctuation made half-width."""
    text = re.sub(r"\s+", "", text)
    return text.translate(str.maketrans("，：；（）？！", ",:;()?!"))


def _quotation_marks(text: str) -> list[str]:
    return _QUOTATION_MARK.findall(_APOSTROPHE.sub("", text))


def _is_wrapped_in_quotation_marks(text: str) -> bool:
    text = text.strip()
    end = text.rstrip(".。")
    return bool(text) and text[0] in OPENING_MARKS and end[-1:] in CLOSING_MARKS


def _source_statements(names: list[str]) -> list[str]:
    """Statements the source attributes to a named person: the sentence after
    “X说，” / “X建议，” / “用X的话说：”, and a quotation followed by “…X说”."""
    source = SOURCE_FILE.read_text("utf-8").replace(",", "，").replace(":", "：")
    who = "|".join(map(re.escape, names))
    after = re.compile(rf"(?:{who})(?:的话)?(?:说|建议)[，：]“?([^。\n]+。)")
    before = re.compile(rf"“([^”\n]+)”[^。\n]{{0,40}}?(?:{who})说")
    found = [m.group(1) for m in after.finditer(source)]
    found += [m.group(1) for m in before.finditer(source)]
    return found


# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

QUOTES = _load(QUOTES_FILE)
BY_KIND = {kind: [q for q in QUOTES if q["kind"] == kind] for kind in KINDS}


def _ids(entries):
    return [entry["id"] for entry in entries]


# -----------------------------------------------------------------------------
# Tests
# -----------------------------------------------------------------------------


def test_every_fixed_quote_id_is_present_once_in_source_order():
    assert _ids(QUOTES) == list(QUOTE_IDS)


def test_every_statement_the_source_attributes_to_a_person_is_shown():
    names = [person["name"][SOURCE_LANGUAGE] for person in _load(PEOPLE_FILE)]
    statements = _source_statements(names)
    # Six “X说，” lead-ins, one “X建议”, one “用X的话说”, three quotations before “X说”:
    # if the source scan finds fewer, it has stopped working, not the data.
    assert len(statements) == 11
    shown = [_normalised(q["text"][SOURCE_LANGUAGE]) for q in QUOTES]
    missing = [s for s in statements if not any(_normalised(s) in text for text in shown)]
    assert not missing, f"not in data/quotes.yml: {missing}"


def test_every_quote_has_a_known_kind():
    assert {q["id"]: q["kind"] for q in QUOTES if q["kind"] not in KINDS} == {}


@pytest.mark.parametrize("quote", QUOTES, ids=_ids(QUOTES))
def test_shown_chinese_text_is_the_cited_text(quote):
    assert _normalised(quote["text"][SOURCE_LANGUAGE]) in _normalised(quote["citation"])


@pytest.mark.parametrize("quote", BY_KIND["quoted"], ids=_ids(BY_KIND["quoted"]))
def test_quoted_words_are_in_quotation_marks_in_the_source(quote):
    assert _normalised("“" + quote["text"][SOURCE_LANGUAGE] + "”") in _normalised(quote["citation"])


@pytest.mark.parametrize(
    "quote",
    BY_KIND["reported"] + BY_KIND["suggested"] + BY_KIND["report"],
    ids=_ids(BY_KIND["reported"] + BY_KIND["suggested"] + BY_KIND["report"]),
)
def test_words_not_in_quotation_marks_in_the_source_are_not_shown_as_quoted(quote):
    assert _normalised("“" + quote["text"][SOURCE_LANGUAGE] + "”") not in _normalised(quote["citation"])
    assert not _is_wrapped_in_quotation_marks(quote["text"][SOURCE_LANGUAGE])


@pytest.mark.parametrize("lang", TRANSLATIONS)
@pytest.mark.parametrize("quote", BY_KIND["report"], ids=_ids(BY_KIND["report"]))
def test_the_reports_own_sentences_carry_no_quotation_marks_in_translation(quote, lang):
    assert _quotation_marks(quote["text"][lang]) == []


@pytest.mark.parametrize("quote", BY_KIND["report"], ids=_ids(BY_KIND["report"]))
def test_the_reports_own_sentences_are_not_attributed_to_anyone(quote):
    # The Chinese may quote a set phrase inside the sentence (“一张蓝图绘到底”), but the
    # sentence itself is never presented as someone's words, in any language.
    assert not _is_wrapped_in_quotation_marks(quote["text"][SOURCE_LANGUAGE])
    for lang in TRANSLATIONS:  # the English verbs of attribution, which a copied text keeps too
        assert not re.search(r"\b(said|says|suggested|according to)\b", quote["text"][lang])


@pytest.mark.parametrize("lang", TRANSLATIONS)
@pytest.mark.parametrize("quote", BY_KIND["reported"], ids=_ids(BY_KIND["reported"]))
def test_reported_speech_is_not_wrapped_in_quotation_marks_in_translation(quote, lang):
    assert not _is_wrapped_in_quotation_marks(quote["text"][lang])


def test_every_speaker_is_a_person_on_the_site():
    people = {person["id"] for person in _load(PEOPLE_FILE)}
    unknown = {q["id"]: q["speaker"] for q in QUOTES if q["speaker"] not in people}
    assert unknown == {}


@pytest.mark.parametrize("quote", QUOTES, ids=_ids(QUOTES))
def test_every_quote_is_given_in_every_language(quote):
    for field in ("text", "occasion"):
        assert set(quote[field]) == set(LANGUAGES)
        assert all(str(value).strip() for value in quote[field].values())

"""Mistakes in data/ that once passed silently (issue 18), each now one clear problem
naming file, entry and field: invisible or control characters in a text, an id listed
twice, a date of the past later than today."""

from __future__ import annotations

import datetime

import pytest

from support.data import DataCopy, load, problems, text
from support.site import LANGUAGES
from twincity.errors import DataError

EN = LANGUAGES[-1]


@pytest.fixture
def data(tmp_path) -> DataCopy:
    return DataCopy(tmp_path)


def _text(data, file, entry_id, field, lang, value):
    entry = next(e for e in data.read(file) if e["id"] == entry_id)
    data.edit(file, entry_id, **{field: {**entry[field], lang: value}})


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("\u200b", "U+200B"),  # a zero-width space as the whole title: an empty heading
        ("Ann\u200bExample", "U+200B"),  # inside a name: the HTML, people.json, the search index
        ("An\u200dn", "U+200D"),  # zero-width joiner
        ("An\u200cn", "U+200C"),  # zero-width non-joiner
        ("An\ufeffn", "U+FEFF"),  # a byte-order mark inside a text
        ("An\u202en", "U+202E"),  # a bidi override
        ("An\u2066n\u2069", "U+2066"),  # a bidi isolate
        ("An\x00n", "U+0000"),  # NUL: the Atom feeds stop being XML
        ("An\x1b[31mn", "U+001B"),  # ESC
        ("An\tn", "U+0009"),  # a tab inside a text
        ("An\rn", "U+000D"),
        ("An\u2028n", "U+2028"),  # line separator: breaks JSON read as script
    ],
    ids=lambda v: repr(v) if isinstance(v, str) and len(v) < 14 else None,
)
def test_a_text_with_an_invisible_or_control_character_is_refused(data, value, code):
    _text(data, "people", "ann-example", "name", EN, value)
    found = problems(data)
    assert len(found) == 1, found
    assert found[0].startswith(f"data/people.yml: entry 'ann-example' (#1): name.{EN}: holds an invisible or control")
    assert code in found[0]


def test_plain_text_fields_refuse_them_too(data):
    data.edit("agreements", "maritime-affairs", citation="海事等6个\u200b市直部门")
    assert problems(data) == [
        "data/agreements.yml: entry 'maritime-affairs' (#2): citation: holds an invisible or control character "
        "U+200B (ZERO WIDTH SPACE) at character 6; delete it "
        "(texts hold only visible characters, spaces and line breaks)"
    ]


def test_a_line_break_inside_a_long_text_is_allowed(data):
    _text(data, "agreements", "maritime-affairs", "description", EN, "Maritime affairs,\nand ports.")
    assert load(data.dir).agreement["maritime-affairs"].description[EN] == "Maritime affairs,\nand ports."


def test_a_glossary_term_written_with_a_zero_width_space_is_not_a_second_name(data):
    person = next(e for e in data.read("people") if e["id"] == "ann-example")
    terms = data.read("glossary")
    terms[0]["term"] = {**terms[0]["term"], EN: person["name"][EN][:2] + "\u200b" + person["name"][EN][2:]}
    data.write("glossary", terms)
    found = problems(data)
    assert len(found) == 1 and f"term.{EN}: holds an invisible or control character U+200B" in found[0]


@pytest.mark.parametrize(
    ("file", "entry_id", "field", "ids"),
    [
        ("agreements", "framework-agreement", "signatories", ["ann-example", "bo-example", "ann-example"]),
        ("agreements", "framework-agreement", "related_events", ["conference", "conference"]),
        ("agreements", "framework-agreement", "related_quotes", ["ann-quoted", "ann-quoted"]),
        ("agreements", "changdao-changhai", "places", ["changhai", "changdao", "changhai"]),
        ("timeline", "conference", "related_agreements", ["framework-agreement", "framework-agreement"]),
        ("glossary", "bohai-rim", "former_ids", ["old-id", "old-id"]),
        ("updates", "first-publication", "concerns", ["agreements", "agreements"]),
    ],
)
def test_no_list_of_ids_holds_an_id_twice(data, file, entry_id, field, ids):
    data.edit(file, entry_id, **{field: ids})
    position = next(i for i, e in enumerate(data.read(file)) if e["id"] == entry_id) + 1
    found = problems(data)
    twice = [i for i in ids if ids.count(i) > 1][0]
    expected = f"data/{file}.yml: entry '{entry_id}' (#{position}): {field}: {twice!r} is listed 2 times"
    assert any(p.startswith(expected) for p in found), found
    assert len(found) == 1, found


TOMORROW = "tomorrow"  # the day after the test's own today, worked out when it runs (a run may cross midnight)


@pytest.mark.parametrize(
    ("file", "entry_id", "field", "value", "path"),
    [
        ("updates", "first-publication", "date", "2099-01-01", "date"),
        ("updates", "first-publication", "date", TOMORROW, "date"),
        ("timeline", "conference", "date", "2099-02-17", "date"),
        ("timeline", "month-event", "date", "2099", "date"),
        ("timeline", "since-2023", "date", {"from": "2099", "to": "2100"}, "date"),
        (
            "agreements",
            "maritime-affairs",
            "signed",
            {"date": "2099-02-17", "place": text("大连", "Dalian")},
            "signed.date",
        ),
    ],
)
def test_a_date_of_the_past_later_than_today_is_refused(data, file, entry_id, field, value, path):
    if value == TOMORROW:
        value = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
    data.edit(file, entry_id, **{field: value})
    position = next(i for i, e in enumerate(data.read(file)) if e["id"] == entry_id) + 1
    found = problems(data)
    assert len(found) == 1, found
    assert found[0].startswith(f"data/{file}.yml: entry '{entry_id}' (#{position}): {path}: ")
    assert f"is later than today ({datetime.date.today().isoformat()})" in found[0]


def test_a_goal_may_lie_in_the_future_and_today_is_not_later_than_today(data):
    data.edit("timeline", "goal", date="2099")
    data.edit("updates", "first-publication", date=datetime.date.today().isoformat())
    site = load(data.dir)
    assert site.event["goal"].date == "2099"


# -----------------------------------------------------------------------------
# Anchors in data that name a place on a page, checked against the built pages
# -----------------------------------------------------------------------------


def test_an_anchor_its_built_page_lacks_is_named_with_file_entry_and_field(data):
    from twincity.pages.updates import check_concern_anchors

    data.edit("updates", "first-publication", concerns=["sources#corrections", "sources#corections"])
    corrections = data.read("corrections")
    corrections[0]["see"] = ["timeline#no-such-event"]
    for other in corrections[1:]:
        other.pop("see", None)
    data.write("corrections", corrections)
    site = load(data.dir)
    built = {"sources": {"corrections", "article"}, "timeline": {"conference"}}
    with pytest.raises(DataError) as caught:
        check_concern_anchors(site, lambda slug, lang: built.get(slug), LANGUAGES)
    found = [str(p) for p in caught.value.problems]
    assert found == [
        "data/updates.yml: entry 'first-publication' (#1): concerns[1]: no anchor #corections on the page 'sources' "
        f"(built, in {', '.join(LANGUAGES)}): name an id the page has (a heading's {{#id}} or a data entry's id)",
        f"data/corrections.yml: entry '{corrections[0]['id']}' (#1): see[0]: no anchor #no-such-event on the page "
        f"'timeline' (built, in {', '.join(LANGUAGES)}): "
        "name an id the page has (a heading's {#id} or a data entry's id)",
    ]


# -----------------------------------------------------------------------------
# data/corrections.yml: once read at import time, three mistakes gave tracebacks. The
# lead made corrections a data kind loaded with the others; these hold it to that.
# -----------------------------------------------------------------------------


def test_corrections_with_an_unknown_key_name_file_entry_and_field(data):
    corrections = data.read("corrections")
    corrections[0]["reasn"] = corrections[0]["reason"]
    data.write("corrections", corrections)
    found = problems(data)
    assert found and found[0].startswith(
        f"data/corrections.yml: entry '{corrections[0]['id']}' (#1): reasn: unknown key"
    )


def test_corrections_without_a_reason_name_file_entry_and_field(data):
    corrections = data.read("corrections")
    del corrections[0]["reason"]
    data.write("corrections", corrections)
    found = problems(data)
    assert f"data/corrections.yml: entry '{corrections[0]['id']}' (#1): reason: missing" in found


def test_corrections_holding_only_a_comment_is_a_clear_stop(data):
    data.write_text("corrections", "# nothing yet\n")
    found = problems(data)
    assert any(p.startswith("data/corrections.yml: the file holds no entries") for p in found), found


def test_crlf_line_ends_and_a_bom_at_the_start_are_not_control_characters_in_texts(data):
    """Windows line ends and a byte-order mark before the first line are the file's, not a text's."""
    for path in data.dir.glob("*.yml"):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    expected = load().agreement["maritime-affairs"].title  # as read from the files as they were
    assert load(data.dir).agreement["maritime-affairs"].title == expected

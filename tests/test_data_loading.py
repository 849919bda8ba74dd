"""Loading data/: every kind of mistake stops with one clear message per problem,
naming file, entry and field; valid data loads into typed models."""

from __future__ import annotations

import os

import pytest

from support.data import DEFAULT, DELETE, FIXTURE_DATA, OTHERS, DataCopy, load, problems, text
from support.site import LANGUAGES
from twincity.data.loading import load_site_data
from twincity.data.models import Era, Span
from twincity.errors import DataError


@pytest.fixture
def data(tmp_path) -> DataCopy:
    return DataCopy(tmp_path)


# -----------------------------------------------------------------------------
# Valid data
# -----------------------------------------------------------------------------


def test_valid_fixture_loads_into_typed_models():
    site = load(FIXTURE_DATA)
    assert [a.id for a in site.agreements] == ["framework-agreement", "maritime-affairs", "changdao-changhai"]
    assert site.agreement["maritime-affairs"].title[OTHERS[0]] == "Maritime affairs agreement"
    assert site.person["bo-example"].title_note[DEFAULT] == "当时的职务"
    assert isinstance(site.event["ming"].date, Era)
    assert isinstance(site.event["since-2023"].date, Span) and site.event["since-2023"].date.start == "2023"
    assert site.glossary[0].variants[OTHERS[0]] == ["Circum-Bohai"]


def test_the_real_data_is_valid():
    site = load(FIXTURE_DATA.parents[2] / "data")
    assert len(site.agreements) == 16
    assert sum(a.group == "framework" for a in site.agreements) == 1


def test_texts_are_trimmed_of_surrounding_whitespace(data):
    data.edit("people", "ann-example", name=text(" 安示例\n", "An Shili  "))
    site = load(data.dir)
    name = site.person["ann-example"].name
    assert {lang: name[lang] for lang in LANGUAGES} == text("安示例", "An Shili")


# -----------------------------------------------------------------------------
# One message per problem: file, entry, field
# -----------------------------------------------------------------------------


def test_missing_text_names_file_entry_field_and_language(data):
    data.edit("agreements", "maritime-affairs", title={DEFAULT: "海事合作协议"})
    assert problems(data) == [
        f"data/agreements.yml: entry 'maritime-affairs' (#2): title.{lang}: missing "
        f"(a text holds one value per language: {', '.join(LANGUAGES)})"
        for lang in OTHERS
    ]


def test_empty_text_is_an_error(data):
    data.edit("timeline", "goal", summary={**text("远景目标", "Goal"), LANGUAGES[-1]: "   "})
    assert problems(data) == [f"data/timeline.yml: entry 'goal' (#2): summary.{LANGUAGES[-1]}: empty"]


def test_duplicate_id_is_reported_with_the_first_entry(data):
    entries = data.read("glossary")
    entries[1]["id"] = "bohai-rim"
    data.write("glossary", entries)
    assert problems(data) == ["data/glossary.yml: entry 'bohai-rim' (#2): id: duplicate: entry #1 has the same id"]


def test_unknown_key_is_rejected_and_allowed_keys_are_listed(data):
    data.edit("people", "ann-example", titel=text("市长", "Mayor"))
    [message] = problems(data)
    assert message.startswith(
        "data/people.yml: entry 'ann-example' (#1): titel: unknown key (allowed: id, name, title, title_note)"
    )


def test_unknown_key_inside_a_nested_mapping_is_rejected(data):
    data.edit(
        "agreements",
        "maritime-affairs",
        signed={"date": "2025-02-17", "place": text("大连", "Dalian"), "time": "9:00"},
    )
    [message] = problems(data)
    assert (
        message == "data/agreements.yml: entry 'maritime-affairs' (#2): signed.time: unknown key (allowed: date, place)"
    )


def test_id_must_be_kebab_case_ascii(data):
    data.edit("glossary", "twin-city-linkage", id="Twin_City")
    [message] = problems(data)
    assert message.startswith("data/glossary.yml: entry 'Twin_City' (#2): id: 'Twin_City' is not a kebab-case ASCII id")


@pytest.mark.parametrize(
    ("name", "entry", "field", "value", "expected"),
    [
        (
            "quotes",
            "ann-quoted",
            "speaker",
            "nobody",
            "data/quotes.yml: entry 'ann-quoted' (#1): speaker: unknown person 'nobody'"
            " (no such id in data/people.yml)",
        ),
        (
            "agreements",
            "framework-agreement",
            "signatories",
            ["ann-example", "nobody"],
            "data/agreements.yml: entry 'framework-agreement' (#1): signatories[1]: unknown person 'nobody'"
            " (no such id in data/people.yml)",
        ),
        (
            "agreements",
            "framework-agreement",
            "related_events",
            ["no-event"],
            "data/agreements.yml: entry 'framework-agreement'"
            " (#1): related_events[0]: unknown timeline event 'no-event' (no such id in data/timeline.yml)",
        ),
        (
            "agreements",
            "framework-agreement",
            "related_quotes",
            ["no-quote"],
            "data/agreements.yml: entry 'framework-agreement'"
            " (#1): related_quotes[0]: unknown quote 'no-quote' (no such id in data/quotes.yml)",
        ),
        (
            "timeline",
            "conference",
            "related_agreements",
            ["no-agreement"],
            "data/timeline.yml: entry 'conference'"
            " (#1): related_agreements[0]: unknown agreement 'no-agreement' (no such id in data/agreements.yml)",
        ),
    ],
)
def test_dangling_reference_across_files_is_an_error(data, name, entry, field, value, expected):
    data.edit(name, entry, **{field: value})
    assert problems(data) == [expected]


@pytest.mark.parametrize(
    ("date", "reason"),
    [
        ("2024-02-30", "'2024-02-30' is not a date: 2024-02 has no day 30"),
        ("2023-02-29", "'2023-02-29' is not a date: 2023-02 has no day 29"),
        ("2024-13", "'2024-13' is not a date: there is no month 13"),
        ("17 Feb 2025", "'17 Feb 2025' is not a date"),
        ({"from": "2025", "to": "2023"}, "the span starts (2025) after it ends (2023)"),
        ({"from": "2023", "to": "2024-02-30"}, "'2024-02-30' is not a date"),
        ({"era": text("明代", "Ming")}, "sort_year: missing"),
        ({"era": {lang: "明代" for lang in LANGUAGES[:-1]}, "sort_year": 1368}, f"era.{LANGUAGES[-1]}: missing"),
    ],
)
def test_invalid_date_is_an_error(data, date, reason):
    data.edit("timeline", "goal", date=date)
    [message] = problems(data)
    assert message.startswith("data/timeline.yml: entry 'goal' (#2): date")
    assert reason in message


def test_leap_day_is_a_valid_date(data):
    data.edit("timeline", "goal", date="2024-02-29")
    assert load(data.dir).event["goal"].date == "2024-02-29"


def test_unquoted_date_asks_for_quotes(data):
    data.write_text(
        "timeline", data.dir.joinpath("timeline.yml").read_text("utf-8").replace('date: "2035"', "date: 2035")
    )
    [message] = problems(data)
    assert message.startswith("data/timeline.yml: entry 'goal' (#2): date: expected a quoted date")


def test_unquoted_signing_date_says_to_put_it_in_quotes(data):
    text = data.dir.joinpath("agreements.yml").read_text("utf-8")
    data.write_text("agreements", text.replace('signed: {date: "2025-02-17"', "signed: {date: 2025-02-17", 1))
    [message] = problems(data)
    assert message.startswith(
        "data/agreements.yml: entry 'framework-agreement'"
        " (#1): signed.date: expected text, got an unquoted date 2025-02-17 (put it in quotes)"
    )


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("title", "just a string", "title: expected a mapping (key: value lines), got text 'just a string'"),
        ("title", {**text("x"), DEFAULT: 42}, f"title.{DEFAULT}: expected text, got a number 42"),
        ("title", {**text("x"), DEFAULT: True}, f"title.{DEFAULT}: expected text, got yes/no (True)"),
        ("related_events", "conference", "related_events: expected a list, got text 'conference'"),
        (
            "group",
            "province",
            "group: 'province' is not allowed; expected one of 'framework', 'sector', 'district' or 'enterprise'",
        ),
    ],
)
def test_wrong_type_is_an_error(data, field, value, expected):
    data.edit("agreements", "maritime-affairs", **{field: value})
    assert problems(data) == [f"data/agreements.yml: entry 'maritime-affairs' (#2): {expected}"]


def test_entry_that_is_not_a_mapping_is_named_by_position(data):
    entries = data.read("glossary")
    entries.append("环渤海")
    data.write("glossary", entries)
    assert problems(data) == ["data/glossary.yml: entry #3: expected a mapping (key: value lines), got text '环渤海'"]


def test_missing_required_field_is_reported(data):
    data.edit("quotes", "ann-reported", citation=DELETE)
    assert problems(data) == ["data/quotes.yml: entry 'ann-reported' (#2): citation: missing"]


def test_every_problem_is_reported_at_once(data):
    data.edit("agreements", "maritime-affairs", title={lang: "海事" for lang in LANGUAGES[:-1]}, colour="blue")
    data.edit("timeline", "goal", date="2024-02-30")
    data.edit("quotes", "ann-quoted", speaker="nobody")
    found = problems(data)
    assert len(found) == 4
    assert {m.split(":")[0] for m in found} == {"data/agreements.yml", "data/timeline.yml", "data/quotes.yml"}


def test_data_error_message_lists_each_problem_on_its_own_line(data):
    data.edit("agreements", "maritime-affairs", title={lang: "海事" for lang in LANGUAGES[:-1]})
    data.edit("timeline", "goal", date="2024-02-30")
    with pytest.raises(DataError) as caught:
        load(data.dir)
    lines = str(caught.value).splitlines()
    assert lines[0] == "2 problems in the site data:"
    assert lines[1].strip() == (
        f"data/agreements.yml: entry 'maritime-affairs' (#2): title.{LANGUAGES[-1]}: missing "
        f"(a text holds one value per language: {', '.join(LANGUAGES)})"
    )


def test_glossary_term_cannot_take_a_person_id(data):
    data.edit("glossary", "bohai-rim", id="ann-example")
    [message] = problems(data)
    assert message.startswith(
        "data/glossary.yml: entry 'ann-example' (#1): id: 'ann-example' is also a person's id in data/people.yml"
    )


# -----------------------------------------------------------------------------
# The agreements' groups
# -----------------------------------------------------------------------------


def test_a_second_framework_agreement_is_an_error(data):
    data.edit("agreements", "maritime-affairs", group="framework")
    assert problems(data) == [
        "data/agreements.yml: entry 'maritime-affairs' (#2): group: a second framework agreement "
        "('framework-agreement' (#1) is one already); there must be exactly one"
    ]


def test_agreements_without_a_framework_agreement_are_an_error(data):
    data.edit("agreements", "framework-agreement", group="sector")
    assert problems(data) == ["data/agreements.yml: no agreement has group: framework; there must be exactly one"]


def test_group_sizes_come_from_the_data_not_from_the_code(data):
    entries = data.read("agreements")
    extra = dict(entries[1], id="economy-trade")
    data.write("agreements", entries + [extra])
    site = load(data.dir)
    assert [a.group for a in site.agreements].count("sector") == 2


# -----------------------------------------------------------------------------
# Files and YAML
# -----------------------------------------------------------------------------


def test_yaml_syntax_error_gives_file_and_line(data):
    data.write_text("people", f"- id: ann-example\n  name: {{{DEFAULT}: 安示例, {OTHERS[0]}: An Shili\n  title: x\n")
    [message] = problems(data)
    assert message.startswith("data/people.yml: line 3, column ")
    assert "invalid YAML" in message


def test_yaml_key_given_twice_is_an_error_with_its_line(data):
    data.write_text("glossary", f"- id: a\n  kind: place\n  {DEFAULT}: 甲\n  {OTHERS[0]}: A\n  {OTHERS[0]}: B\n")
    [message] = problems(data)
    assert message.startswith("data/glossary.yml: line 5, column 3: invalid YAML:")
    assert f"'{OTHERS[0]}' is given twice" in message


def test_top_level_must_be_a_list(data):
    data.write_text("glossary", f"id: bohai-rim\n{DEFAULT}: 环渤海\n")
    assert problems(data) == ["data/glossary.yml: expected a list of entries (lines starting with '- '), got a mapping"]


def test_missing_file_is_an_error(data):
    (data.dir / "quotes.yml").unlink()
    found = problems(data)
    assert "data/quotes.yml: file not found" in found


def test_file_that_is_not_utf8_is_an_error(data):
    (data.dir / "glossary.yml").write_bytes("- id: a\n  zh: 环渤海\n".encode("gb18030"))
    [message] = problems(data)
    assert message.startswith("data/glossary.yml: line 2, column 7: not UTF-8 text")


# -----------------------------------------------------------------------------
# Loaded once per build
# -----------------------------------------------------------------------------


def test_data_is_cached_until_a_file_changes(data):
    first = load_site_data(data.dir, LANGUAGES)
    assert load_site_data(data.dir, LANGUAGES) is first
    path = data.dir / "glossary.yml"
    path.write_text(path.read_text("utf-8") + "\n", "utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    assert load_site_data(data.dir, LANGUAGES) is not first

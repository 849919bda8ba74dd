"""Dates: shown the same way in every place, per language, and ordered predictably."""

from __future__ import annotations

import pytest

from support.data import text
from support.site import LANGUAGES, catalogues
from twincity.data.dates import PartialDate
from twincity.data.models import Era, Span, date_display, date_iso, date_sort_key

TEXTS = catalogues()


def era(default: str, other: str, sort_year: int) -> Era:
    """An era named `default` in the default language and `other` in the others."""
    return Era.model_validate({"era": text(default, other), "sort_year": sort_year}, context={"languages": LANGUAGES})


@pytest.mark.parametrize(
    ("text", "zh", "en", "iso"),
    [
        ("2025-02-17", "2025年2月17日", "17 February 2025", "2025-02-17"),
        ("2024-03", "2024年3月", "March 2024", "2024-03"),
        ("2024", "2024年", "2024", "2024"),
        ("1984", "1984年", "1984", "1984"),
    ],
)
def test_dates_are_shown_in_each_language_as_precise_as_known(text, zh, en, iso):
    assert date_display(text, TEXTS["zh"]) == zh
    assert date_display(text, TEXTS["en"]) == en
    assert date_iso(text) == iso


def test_span_is_shown_with_a_dash_in_each_language():
    span = Span.model_validate({"from": "2023", "to": "2025-02"})
    assert date_display(span, TEXTS["zh"]) == "2023年—2025年2月"
    assert date_display(span, TEXTS["en"]) == "2023 – February 2025"
    assert date_iso(span) == "2023/2025-02"


def test_era_is_shown_by_its_name_and_has_no_iso_date():
    ming = era("明代", "Ming dynasty", 1368)
    assert {lang: date_display(ming, TEXTS[lang]) for lang in LANGUAGES} == text("明代", "Ming dynasty")
    assert date_iso(ming) is None


def test_eras_come_before_dates_and_a_year_before_its_months():
    late_qing = era("清末", "Late Qing", 1900)
    dates = [
        "2025-02-17",
        "2024-03-05",
        "2024-03",
        "2024",
        Span.model_validate({"from": "2023", "to": "2025"}),
        late_qing,
        "2025",
    ]
    ordered = sorted(dates, key=date_sort_key)
    assert ordered == [late_qing, dates[4], "2024", "2024-03", "2024-03-05", "2025", "2025-02-17"]


def test_eras_are_ordered_by_sort_year():
    late = era("清末", "Late Qing", 1860)
    early = era("明代", "Ming", 1368)
    assert sorted([late, early], key=date_sort_key) == [early, late]


@pytest.mark.parametrize("text", ["2024-02-30", "2024-00", "2024-1", "24", "2024/03", "", "二〇二四"])
def test_impossible_or_malformed_dates_are_refused(text):
    with pytest.raises(ValueError):
        PartialDate.parse(text)

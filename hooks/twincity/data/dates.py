"""Dates as the data writes them, and how a language shows them (its catalogue's `dates`).

A date is one of:
- a day, month or year string: "2025-02-17", "2024-03", "2024";
- an era: {era: {<language>: <name>, ...}, sort_year: 1368} (sort_year only orders it);
- a span: {from: "2023", to: "2025-02"}, each end a day, month or year string.

Order (documented in data/README.md): eras first (by sort_year), then dated entries by
their (start) date; a less precise date comes before the more precise ones it contains
("2024" before "2024-03" before "2024-03-05"); equal dates keep the data's order.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

_PARTIAL_DATE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read "2025-02-17", "2024-03" or "2024"; raise ValueError with a readable reason."""
        if not isinstance(text, str):
            raise ValueError(f'{text!r} is not a date: write "2025-02-17", "2024-03" or "2024"')
        return _parse(text)

    @property
    def iso(self) -> str:
        """ISO 8601 as precise as known, for <time datetime>: 2024, 2024-03, 2025-02-17."""
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    @property
    def sort_key(self) -> tuple[int, int, int]:
        # A missing month or day sorts as 0: the year comes before its months.
        return (self.year, self.month or 0, self.day or 0)

    def display(self, formats: Mapping[str, Any]) -> str:
        """The date in a language's formats (its catalogue's `dates`): 2025年2月17日 /
        17 February 2025; 2024年3月 / March 2024; 2024年 / 2024."""
        if self.day is not None:
            pattern = formats["day"]
        elif self.month is not None:
            pattern = formats["month"]
        else:
            pattern = formats["year"]
        month_name = formats["month_names"][self.month - 1] if self.month else ""
        return pattern.format(year=self.year, month=self.month or "", month_name=month_name, day=self.day or "")


@functools.lru_cache(maxsize=4096)  # the same few dates are read again and again while rendering
def _parse(text: str) -> PartialDate:
    match = _PARTIAL_DATE.fullmatch(text.strip())
    if not match:
        raise ValueError(f'{text!r} is not a date: write "2025-02-17", "2024-03" or "2024"')
    year = int(match["year"])
    month = int(match["month"]) if match["month"] else None
    day = int(match["day"]) if match["day"] else None
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"{text!r} is not a date: there is no month {month}")
    if day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise ValueError(f"{text!r} is not a date: {year}-{month:02d} has no day {day}")
    return PartialDate(year, month, day)

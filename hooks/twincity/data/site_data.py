"""Everything in data/, validated, with the indexes rendering looks entries up by."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, get_args

from pydantic import BaseModel

from .kinds import BY_NAME, KINDS
from .models import Agreement, Person, Place, Side, TimelineEvent

if TYPE_CHECKING:
    from .source import Source

# The two sides of the strait, north first (as the schematic draws them).
SIDES: tuple[str, ...] = get_args(Side)


class SiteData:
    """The entries of every kind in `kinds.KINDS` (an attribute each, by the kind's name: `data.people`;
    the timeline in chronological order, updates in the file's order), the source, and their indexes.

    The kinds are declared once, in the table: a new kind is an attribute here with no edit.
    """

    source: Source | None  # the article with its corrections (None only for data loaded without it)

    # Indexes, built once: by id, and the links that work both ways (reverse indexes
    # keep rendering linear).
    person: dict[str, Person]
    agreement: dict[str, Agreement]
    agreement_position: dict[str, int]
    event: dict[str, TimelineEvent]
    quote: dict[str, Any]
    events_naming: dict[str, list[str]]  # agreement id -> events naming it
    agreements_naming_event: dict[str, list[str]]  # event id -> agreements naming it
    agreements_citing: dict[str, list[str]]  # quote id -> agreements citing it
    place: dict[str, Place]
    agreements_naming_place: dict[str, list[str]]  # place id -> agreements naming it

    def __init__(self, source: Source | None = None, **entries: list[BaseModel]) -> None:
        unknown = sorted(set(entries) - set(BY_NAME))
        if unknown:
            raise TypeError(f"SiteData: no kind of data named {', '.join(unknown)} (kinds.KINDS)")
        self.source = source
        self._entries: dict[str, list[BaseModel]] = {kind.name: list(entries.get(kind.name, ())) for kind in KINDS}
        self._index()

    def __getattr__(self, name: str) -> list[Any]:
        """`data.people`, `data.agreements`, …: the entries of the kind of that name."""
        entries = self.__dict__.get("_entries")
        if entries is not None and name in entries:
            return entries[name]
        raise AttributeError(f"SiteData has no attribute or kind of data {name!r}")

    def _index(self) -> None:
        self._entries["timeline"] = sorted(self.timeline, key=lambda event: event.sort_key)  # stable: ties keep order
        self.person = {p.id: p for p in self.people}
        self.agreement = {a.id: a for a in self.agreements}
        self.agreement_position = {a.id: i for i, a in enumerate(self.agreements)}
        self.event = {e.id: e for e in self.timeline}
        self.quote = {q.id: q for q in self.quotes}
        self.place = {p.id: p for p in self.places}
        self.events_naming, self.agreements_naming_event, self.agreements_citing = {}, {}, {}
        self.agreements_naming_place = {}
        for event in self.timeline:
            for agreement_id in event.related_agreements:
                self.events_naming.setdefault(agreement_id, []).append(event.id)
        for agreement in self.agreements:
            for event_id in agreement.related_events:
                self.agreements_naming_event.setdefault(event_id, []).append(agreement.id)
            for quote_id in agreement.related_quotes:
                self.agreements_citing.setdefault(quote_id, []).append(agreement.id)
            for place_id in agreement.places:
                self.agreements_naming_place.setdefault(place_id, []).append(agreement.id)

    def entries(self, kind: str) -> list[BaseModel]:
        return self._entries[kind]

    def place_pairs(self) -> list[tuple[Agreement, Place, Place]]:
        """(agreement, Dalian place, Yantai place) for every agreement with a place on each side, in data order."""
        result = []
        for agreement in self.agreements:
            sides = {self.place[i].side: self.place[i] for i in agreement.places if i in self.place}
            if len(sides) == 2:
                north, south = (sides[side] for side in SIDES)
                result.append((agreement, north, south))
        return result

"""Everything in data/, validated, with the indexes rendering looks entries up by."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import get_args

from pydantic import BaseModel

from .models import Agreement, Correction, GlossaryTerm, Person, Place, Quote, Side, TimelineEvent, Update

# The two sides of the strait, north first (as the schematic draws them).
SIDES: tuple[str, ...] = get_args(Side)


@dataclass
class SiteData:
    """The entries of every kind (the timeline in chronological order) and their indexes."""

    people: list[Person] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    glossary: list[GlossaryTerm] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)  # in the file's order; pages and feeds sort them

    # Indexes, built once: by id, and the links that work both ways (reverse indexes
    # keep rendering linear).
    person: dict[str, Person] = field(init=False)
    agreement: dict[str, Agreement] = field(init=False)
    agreement_position: dict[str, int] = field(init=False)
    event: dict[str, TimelineEvent] = field(init=False)
    quote: dict[str, Quote] = field(init=False)
    events_naming: dict[str, list[str]] = field(init=False)  # agreement id -> events naming it
    agreements_naming_event: dict[str, list[str]] = field(init=False)  # event id -> agreements naming it
    agreements_citing: dict[str, list[str]] = field(init=False)  # quote id -> agreements citing it
    place: dict[str, Place] = field(init=False)
    agreements_naming_place: dict[str, list[str]] = field(init=False)  # place id -> agreements naming it

    def __post_init__(self) -> None:
        self.timeline = sorted(self.timeline, key=lambda event: event.sort_key)  # stable: ties keep data order
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
        return getattr(self, kind)

    def place_pairs(self) -> list[tuple[Agreement, Place, Place]]:
        """(agreement, Dalian place, Yantai place) for every agreement with a place on each side, in data order."""
        result = []
        for agreement in self.agreements:
            sides = {self.place[i].side: self.place[i] for i in agreement.places if i in self.place}
            if len(sides) == 2:
                north, south = (sides[side] for side in SIDES)
                result.append((agreement, north, south))
        return result

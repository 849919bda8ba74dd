"""The kinds of data, declared once: each one's file, model, page and published formats.

Loading, checking, rendering and the open data loop over this table; a kind's titles
and field descriptions are in each language's catalogue (`open_data.titles.<name>`,
`fields.<Model>.<field>`). Adding a kind: its model (models.py), its entry here, its
data file, its template and renderer (markers.py) and its page.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from .models import Agreement, Correction, GlossaryTerm, Person, Place, Quote, TimelineEvent, Update


@dataclass(frozen=True)
class DataKind:
    name: str  # 'agreements': data/agreements.yml, /data/agreements.json, its attribute of SiteData
    model: type[BaseModel]
    what: str  # how a message calls one entry: 'agreement'
    formats: tuple[str, ...]  # the open-data formats it is published in
    page: str | None = None  # the page whose anchors its ids are, if any

    @property
    def filename(self) -> str:
        return f"{self.name}.yml"


KINDS: tuple[DataKind, ...] = (
    DataKind("agreements", Agreement, "agreement", ("json", "csv"), page="agreements"),
    DataKind("timeline", TimelineEvent, "timeline event", ("json", "csv"), page="timeline"),
    DataKind("people", Person, "person", ("json",), page="glossary"),
    DataKind("quotes", Quote, "quote", ("json",), page="quotes"),
    DataKind("glossary", GlossaryTerm, "glossary term", ("json",), page="glossary"),
    DataKind("corrections", Correction, "correction", ("json",), page="sources"),
    # GeoJSON points with their source; its ids are no page's anchors (the schematic links agreements).
    DataKind("places", Place, "place", ("geojson",)),
    DataKind("updates", Update, "update", ("json",), page="updates"),
)
BY_NAME = {kind.name: kind for kind in KINDS}

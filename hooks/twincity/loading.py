"""Read data/*.yml, validate every entry and every cross-reference, and report all problems at once."""

from __future__ import annotations

import contextlib
import datetime
import gc
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .errors import DataError, Problem, entry_label
from .models import Agreement, GlossaryTerm, Person, Quote, TimelineEvent

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Dataset:
    """One data file: its name (also the open-data name), file name and entry model."""

    name: str
    filename: str
    model: type[BaseModel]
    what: str  # how a reference to one of its entries is called in messages


DATASETS: tuple[Dataset, ...] = (
    Dataset("people", "people.yml", Person, "person"),
    Dataset("agreements", "agreements.yml", Agreement, "agreement"),
    Dataset("timeline", "timeline.yml", TimelineEvent, "timeline event"),
    Dataset("quotes", "quotes.yml", Quote, "quote"),
    Dataset("glossary", "glossary.yml", GlossaryTerm, "glossary term"),
)
_BY_NAME = {d.name: d for d in DATASETS}

# (file, field, file its ids refer to) for every reference between entries.
_REFERENCES: tuple[tuple[str, str, str], ...] = (
    ("agreements", "signatories", "people"),
    ("agreements", "related_events", "timeline"),
    ("agreements", "related_quotes", "quotes"),
    ("timeline", "related_agreements", "agreements"),
    ("quotes", "speaker", "people"),
)


@dataclass
class SiteData:
    """Everything in data/, validated; the timeline is in chronological order."""

    people: list[Person] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    glossary: list[GlossaryTerm] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.timeline = sorted(self.timeline, key=lambda event: event.sort_key)  # stable: ties keep data order
        self.person = {p.id: p for p in self.people}
        self.agreement = {a.id: a for a in self.agreements}
        self.agreement_position = {a.id: i for i, a in enumerate(self.agreements)}
        self.event = {e.id: e for e in self.timeline}
        self.quote = {q.id: q for q in self.quotes}
        # Links work both ways: reverse indexes, built once, keep rendering linear.
        self.events_naming: dict[str, list[str]] = {}  # agreement id -> ids of events naming it
        for event in self.timeline:
            for agreement_id in event.related_agreements:
                self.events_naming.setdefault(agreement_id, []).append(event.id)
        self.agreements_naming_event: dict[str, list[str]] = {}
        self.agreements_citing: dict[str, list[str]] = {}  # quote id -> ids of agreements citing it
        for agreement in self.agreements:
            for event_id in agreement.related_events:
                self.agreements_naming_event.setdefault(event_id, []).append(agreement.id)
            for quote_id in agreement.related_quotes:
                self.agreements_citing.setdefault(quote_id, []).append(agreement.id)

    def entries(self, name: str) -> list[BaseModel]:
        return getattr(self, name)


# -----------------------------------------------------------------------------
# Loading
# -----------------------------------------------------------------------------

_cache: dict[Path, tuple[tuple, SiteData]] = {}


def load_site_data(data_dir: str | os.PathLike, *, use_cache: bool = True) -> SiteData:
    """Load and validate data/; raise DataError listing every problem.

    The result is cached by the files' modification times, so a build (which runs once
    per language) reads the files once, and `mkdocs serve` re-reads them after an edit.
    """
    data_dir = Path(data_dir).resolve()
    signature = _signature(data_dir)
    cached = _cache.get(data_dir)
    if use_cache and cached and cached[0] == signature:
        return cached[1]
    data = _load(data_dir)
    _cache[data_dir] = (signature, data)
    return data


def _signature(data_dir: Path) -> tuple:
    parts = []
    for dataset in DATASETS:
        try:
            stat = (data_dir / dataset.filename).stat()
            parts.append((dataset.filename, stat.st_mtime_ns, stat.st_size))
        except OSError:
            parts.append((dataset.filename, None, None))
    return tuple(parts)


@contextlib.contextmanager
def garbage_collection_paused():
    """Parsing, validation and rendering create many small objects that stay alive; Python's
    cyclic collector would scan them again and again (up to 2.5x slower at 10,000 entries)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load(data_dir: Path) -> SiteData:
    with garbage_collection_paused():
        return _load_all(data_dir)


def _load_all(data_dir: Path) -> SiteData:
    problems: list[Problem] = []
    valid: dict[str, list[BaseModel]] = {}
    raw_ids: dict[str, dict[str, int] | None] = {}  # id -> position; None: the file could not be read
    raw_entries: dict[str, list[Any]] = {}
    for dataset in DATASETS:
        display = f"{data_dir.name}/{dataset.filename}"
        raw, file_problems = read_entries(data_dir / dataset.filename, display)
        problems += file_problems
        if raw is None:
            valid[dataset.name], raw_ids[dataset.name] = [], None
            continue
        entries, entry_problems = validate_entries(raw, dataset.model, display)
        problems += entry_problems
        valid[dataset.name] = entries
        raw_ids[dataset.name] = _positions(raw)
        raw_entries[dataset.name] = raw
    problems += _check_references(valid, raw_ids, data_dir.name)
    problems += _check_framework_agreement(raw_entries.get("agreements"), data_dir.name)
    problems += _check_glossary_ids(raw_ids, data_dir.name)
    if problems:
        raise DataError(problems)
    return SiteData(**valid)


# -----------------------------------------------------------------------------
# Helper functions: reading YAML
# -----------------------------------------------------------------------------


# libyaml's parser when PyYAML has it (about ten times faster), PyYAML's own otherwise.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_SafeLoader):
    """A safe loader that rejects a key given twice in one mapping (PyYAML keeps the last silently)."""

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen: dict[Any, yaml.Node] = {}
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=True)
                try:
                    duplicate = key in seen
                except TypeError:  # unhashable key: let PyYAML report it
                    continue
                if duplicate:
                    raise yaml.constructor.ConstructorError(
                        "while reading a mapping", node.start_mark,
                        f"the key {key!r} is given twice", key_node.start_mark,
                    )
                seen[key] = key_node
        return super().construct_mapping(node, deep=deep)


def read_entries(path: Path, display: str) -> tuple[list[Any] | None, list[Problem]]:
    """The list of raw entries in one file, or None and the reason it cannot be read."""
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return None, [Problem(display, "file not found")]
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(display, f"cannot be read as UTF-8 text: {error}")]
    return parse_entries(text, display)


def parse_entries(text: str, display: str) -> tuple[list[Any] | None, list[Problem]]:
    try:
        raw = yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        reason = " ".join(str(part) for part in (error.context, error.problem) if part)
        return None, [Problem(display, f"{where}invalid YAML: {reason}")]
    except yaml.YAMLError as error:
        return None, [Problem(display, f"invalid YAML: {error}")]
    except RecursionError:
        return None, [Problem(display, "invalid YAML: nested too deeply")]
    if raw is None:  # an empty file holds no entries
        return [], []
    if not isinstance(raw, list):
        return None, [Problem(display, f"expected a list of entries (lines starting with '- '), got {_kind(raw)}")]
    return raw, []


# -----------------------------------------------------------------------------
# Helper functions: validation
# -----------------------------------------------------------------------------


def validate_entries(raw: list[Any], model: type[BaseModel], display: str) -> tuple[list[BaseModel], list[Problem]]:
    """Validate each entry on its own (one message per problem), then check ids are unique."""
    entries: list[BaseModel] = []
    problems: list[Problem] = []
    first_seen: dict[str, int] = {}
    for index, item in enumerate(raw):
        label = entry_label(index, item)
        try:
            entries.append(model.model_validate(item))
        except ValidationError as error:
            problems += [Problem(display, message, label, path) for path, message in _describe(error, model)]
        except RecursionError:
            problems.append(Problem(display, "nested too deeply", label))
        entry_id = item.get("id") if isinstance(item, dict) else None
        if isinstance(entry_id, str):
            if entry_id in first_seen:
                problems.append(Problem(display, f"duplicate: entry #{first_seen[entry_id] + 1} has the same id", label, "id"))
            else:
                first_seen[entry_id] = index
    return entries, problems


def _describe(error: ValidationError, model: type[BaseModel]) -> Iterator[tuple[str | None, str]]:
    for item in error.errors(include_url=False):
        loc = [part for part in item["loc"] if not (isinstance(part, str) and part.startswith("@"))]
        kind, value = item["type"], item.get("input")
        if kind == "extra_forbidden":
            allowed = _allowed_keys(model, loc[:-1])
            hint = f" (allowed: {', '.join(allowed)})" if allowed else ""
            yield _path(loc), f"unknown key{hint}"
        elif kind == "missing":
            yield _path(loc), "missing"
        elif kind == "string_too_short":
            yield _path(loc), "empty"
        elif kind == "string_type":
            yield _path(loc), f"expected text, got {_kind(value)}"
        elif kind == "string_pattern_mismatch":
            yield _path(loc), f"{value!r} is not a kebab-case ASCII id (lowercase letters, digits and hyphens, e.g. 'maritime-affairs')"
        elif kind in {"model_type", "model_attributes_type", "dict_type"}:
            yield _path(loc), f"expected a mapping (key: value lines), got {_kind(value)}"
        elif kind == "list_type":
            yield _path(loc), f"expected a list, got {_kind(value)}"
        elif kind in {"int_type", "int_parsing", "int_from_float"}:
            yield _path(loc), f"expected a whole number, got {_kind(value)}"
        elif kind == "literal_error":
            yield _path(loc), f"{value!r} is not allowed; expected one of {item['ctx']['expected']}"
        elif kind == "value_error":
            yield _path(loc), str(item["ctx"]["error"])
        else:
            yield _path(loc), item["msg"][0].lower() + item["msg"][1:]


def _path(loc: list[Any]) -> str | None:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or None


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"yes/no ({value})"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"text {value!r}"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return f"an unquoted date {value.isoformat()} (put it in quotes)"
    if isinstance(value, (int, float)):
        return f"a number {value!r}"
    return f"{type(value).__name__} {value!r}"


def _allowed_keys(model: type[BaseModel], loc: list[Any]) -> list[str]:
    """The keys a mapping at `loc` (inside an entry of `model`) may hold."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = {(f.alias or name): f for name, f in current.model_fields.items()}
        if part not in fields:
            return []
        current = _model_in(fields[part].annotation)
        if current is None:
            return []
    return [(f.alias or name) for name, f in current.model_fields.items()]


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        if (found := _model_in(arg)) is not None:
            return found
    return getattr(annotation, "__origin__", None) and _model_in(getattr(annotation, "__origin__"))


def _check_references(valid: dict[str, list[BaseModel]], raw_ids: dict[str, dict[str, int] | None], folder: str) -> list[Problem]:
    problems = []
    for source, field_name, target in _REFERENCES:
        known = raw_ids[target]
        if known is None:  # the target file could not be read: its problem is reported already
            continue
        display = f"{folder}/{_BY_NAME[source].filename}"
        target_display = f"{folder}/{_BY_NAME[target].filename}"
        positions = raw_ids[source] or {}
        for entry in valid[source]:
            value = getattr(entry, field_name)
            refs = [(field_name, value)] if isinstance(value, str) else [(f"{field_name}[{i}]", v) for i, v in enumerate(value)]
            for path, ref in refs:
                if ref not in known:
                    problems.append(Problem(
                        display, f"unknown {_BY_NAME[target].what} '{ref}' (no such id in {target_display})",
                        f"'{entry.id}' (#{positions[entry.id] + 1})", path,
                    ))
    return problems


def _positions(raw: list[Any]) -> dict[str, int]:
    """Each id in a file and the position of its first entry (ids of invalid entries count too)."""
    positions: dict[str, int] = {}
    for index, item in enumerate(raw):
        entry_id = item.get("id") if isinstance(item, dict) else None
        if isinstance(entry_id, str):
            positions.setdefault(entry_id, index)
    return positions


def _check_glossary_ids(raw_ids: dict[str, dict[str, int] | None], folder: str) -> list[Problem]:
    """The glossary page shows people and terms together: a term may not take a person's id (its anchor)."""
    people, terms = raw_ids["people"] or {}, raw_ids["glossary"] or {}
    return [
        Problem(f"{folder}/glossary.yml", f"'{term_id}' is also a person's id in {folder}/people.yml; the glossary page "
                "shows both, so their ids (anchors) must differ", f"'{term_id}' (#{position + 1})", "id")
        for term_id, position in terms.items() if term_id in people
    ]


def _check_framework_agreement(raw: list[Any] | None, folder: str) -> list[Problem]:
    """Exactly one agreement has group: framework (counted on the raw entries, so that a
    framework agreement with another mistake does not also read as missing)."""
    if not raw:
        return []
    display = f"{folder}/agreements.yml"
    framework = [(i, e) for i, e in enumerate(raw) if isinstance(e, dict) and e.get("group") == "framework"]
    if not framework:
        return [Problem(display, "no agreement has group: framework; there must be exactly one")]
    first = entry_label(*framework[0])
    return [
        Problem(display, f"a second framework agreement ({first} is one already); there must be exactly one",
                entry_label(index, entry), "group")
        for index, entry in framework[1:]
    ]

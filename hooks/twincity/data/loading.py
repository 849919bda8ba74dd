"""Read data/*.yml and the source, validate every entry, every cross-reference and every
citation, and report all problems at once.

Texts are validated against the configured languages (`languages`): each holds one
value per language. The kinds of data and their files are those of `kinds.KINDS`. The
source (sources/source.yml and the article it describes) is read here too, with the
corrections of data/corrections.yml applied: this is the one place that reads data/
and sources/, and everything the build relies on is checked here.
"""

from __future__ import annotations

import contextlib
import gc
import os
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from ..errors import DataError, Problem, entry_label
from .kinds import BY_NAME, KINDS
from .messages import describe, kind_of
from .models import SourceDescription
from .site_data import SiteData
from .source import DESCRIPTION, Source, read_source

# -----------------------------------------------------------------------------
# References between kinds, read off the models' `refers_to` fields
# -----------------------------------------------------------------------------


def references() -> list[tuple[str, str, str]]:
    """(kind, field, kind its ids refer to) for every reference between entries."""
    found = []
    for kind in KINDS:
        for name, info in kind.model.model_fields.items():
            target = (
                (info.json_schema_extra or {}).get("refers_to") if isinstance(info.json_schema_extra, dict) else None
            )
            if target:
                found.append((kind.name, info.alias or name, target))
    return found


# -----------------------------------------------------------------------------
# Loading
# -----------------------------------------------------------------------------

_cache: dict[tuple[Path, tuple[str, ...]], tuple[tuple, SiteData]] = {}


def load_site_data(
    data_dir: str | os.PathLike,
    languages: tuple[str, ...] | list[str],
    *,
    sources_dir: str | os.PathLike | None = None,
    use_cache: bool = True,
) -> SiteData:
    """Load and validate data/ and the source for the configured languages; raise DataError
    listing every problem. The source is read from `sources_dir` (default: `sources/`
    beside `data_dir`).

    The result is cached by the files' modification times, so a build (which runs once
    per language) reads the files once, and `mkdocs serve` re-reads them after an edit.
    """
    data_dir = Path(data_dir).resolve()
    sources_dir = Path(sources_dir).resolve() if sources_dir is not None else data_dir.parent / "sources"
    languages = tuple(languages)
    if not languages:
        raise ValueError("load_site_data needs the site's languages")
    signature = _signature(data_dir, sources_dir)
    key = (data_dir, sources_dir, languages)
    cached = _cache.get(key)
    if use_cache and cached and cached[0] == signature:
        return cached[1]
    data = _load(data_dir, sources_dir, languages)
    _cache[key] = (signature, data)
    return data


def _signature(data_dir: Path, sources_dir: Path) -> tuple:
    parts = []
    files = [data_dir / kind.filename for kind in KINDS]
    files += sorted(sources_dir.iterdir()) if sources_dir.is_dir() else [sources_dir]
    for path in files:
        try:
            stat = path.stat()
            parts.append((str(path), stat.st_mtime_ns, stat.st_size))
        except OSError:
            parts.append((str(path), None, None))
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


def _load(data_dir: Path, sources_dir: Path, languages: tuple[str, ...]) -> SiteData:
    with garbage_collection_paused():
        return _load_all(data_dir, sources_dir, languages)


def _load_all(data_dir: Path, sources_dir: Path, languages: tuple[str, ...]) -> SiteData:
    problems: list[Problem] = []
    valid: dict[str, list[BaseModel]] = {}
    raw_ids: dict[str, dict[str, int] | None] = {}  # id -> position; None: the file could not be read
    raw_entries: dict[str, list[Any]] = {}
    for kind in KINDS:
        display = f"{data_dir.name}/{kind.filename}"
        raw, file_problems = read_entries(data_dir / kind.filename, display)
        problems += file_problems
        if raw is None:
            valid[kind.name], raw_ids[kind.name] = [], None
            continue
        entries, entry_problems = validate_entries(raw, kind.model, display, languages)
        problems += entry_problems
        valid[kind.name] = entries
        raw_ids[kind.name] = _positions(raw)
        raw_entries[kind.name] = raw
    problems += _check_references(valid, raw_ids, data_dir.name)
    problems += _check_framework_agreement(raw_entries.get("agreements"), data_dir.name)
    problems += _check_glossary_ids(raw_ids, data_dir.name)
    problems += _check_glossary_names(
        valid["glossary"], valid["people"], raw_ids["glossary"] or {}, languages, data_dir.name
    )
    problems += _check_places(valid, raw_ids, data_dir.name, raw_entries.get("agreements") or [])
    source, source_problems = _read_source(sources_dir, valid, raw_ids, data_dir.name)
    problems += source_problems
    if source is not None:
        problems += _check_citations(source, valid, raw_ids, data_dir.name)
    if problems:
        raise DataError(problems)
    return SiteData(source=source, **valid)


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
                        "while reading a mapping",
                        node.start_mark,
                        f"the key {key!r} is given twice",
                        key_node.start_mark,
                    )
                seen[key] = key_node
        return super().construct_mapping(node, deep=deep)


def read_entries(path: Path, display: str) -> tuple[list[Any] | None, list[Problem]]:
    """The list of raw entries in one file, or None and the reason it cannot be read."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem(display, "file not found")]
    except OSError as error:
        return None, [Problem(display, f"cannot be read: {error.strerror or error}")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        return None, [
            Problem(
                display,
                f"line {line}, column {column}: not UTF-8 text (byte 0x{data[error.start]:02x}); "
                "save the file as UTF-8",
            )
        ]
    return parse_entries(text, display)


def parse_entries(text: str, display: str) -> tuple[list[Any] | None, list[Problem]]:
    try:
        raw = yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        reason = " ".join(str(part) for part in (error.context, error.problem) if part)
        if mark and _tab_at(text, mark.line):
            reason += " (a tab: YAML indents with spaces only; replace the tab with spaces)"
        return None, [Problem(display, f"{where}invalid YAML: {reason}")]
    except yaml.YAMLError as error:
        return None, [Problem(display, f"invalid YAML: {error}")]
    except RecursionError:
        return None, [Problem(display, "invalid YAML: nested too deeply")]
    except ValueError as error:  # e.g. a number of thousands of digits, which Python refuses to read
        line = _line_of_long_number(text)
        where = f"line {line}: " if line else ""
        return None, [Problem(display, f"{where}a value cannot be read ({error}); a long number must be put in quotes")]
    if raw is None:
        return None, [
            Problem(display, "the file holds no entries; a kind of data with none would publish an empty page")
        ]
    if not isinstance(raw, list):
        return None, [Problem(display, f"expected a list of entries (lines starting with '- '), got {kind_of(raw)}")]
    if not raw:
        return None, [
            Problem(display, "the file holds no entries; a kind of data with none would publish an empty page")
        ]
    return raw, []


def _tab_at(text: str, line: int) -> bool:
    lines = text.split("\n")
    return (
        0 <= line < len(lines)
        and "\t" in lines[line][: len(lines[line]) - len(lines[line].lstrip())]
        or (0 <= line - 1 < len(lines) and lines[line - 1][:1] == "\t")
    )


def _line_of_long_number(text: str) -> int | None:
    match = re.search(r"\d{1000,}", text)
    return text[: match.start()].count("\n") + 1 if match else None


# -----------------------------------------------------------------------------
# Helper functions: validation
# -----------------------------------------------------------------------------


def validate_entries(
    raw: list[Any], model: type[BaseModel], display: str, languages: tuple[str, ...]
) -> tuple[list[BaseModel], list[Problem]]:
    """Validate each entry on its own (one message per problem), then check ids are unique."""
    context = {"languages": languages}
    entries: list[BaseModel] = []
    problems: list[Problem] = []
    first_seen: dict[str, int] = {}
    for index, item in enumerate(raw):
        label = entry_label(index, item)
        try:
            entries.append(model.model_validate(item, context=context))
        except ValidationError as error:
            problems += [Problem(display, message, label, path) for path, message in describe(error, model)]
        except RecursionError:
            problems.append(Problem(display, "nested too deeply", label))
        entry_id = item.get("id") if isinstance(item, dict) else None
        if isinstance(entry_id, str):
            if entry_id in first_seen:
                problems.append(
                    Problem(display, f"duplicate: entry #{first_seen[entry_id] + 1} has the same id", label, "id")
                )
            else:
                first_seen[entry_id] = index
    return entries, problems


def _check_references(
    valid: dict[str, list[BaseModel]], raw_ids: dict[str, dict[str, int] | None], folder: str
) -> list[Problem]:
    problems = []
    for source, field_name, target in references():
        known = raw_ids[target]
        if known is None:  # the target file could not be read: its problem is reported already
            continue
        display = f"{folder}/{BY_NAME[source].filename}"
        target_display = f"{folder}/{BY_NAME[target].filename}"
        positions = raw_ids[source] or {}
        for entry in valid[source]:
            value = getattr(entry, field_name)
            refs = (
                [(field_name, value)]
                if isinstance(value, str)
                else [(f"{field_name}[{i}]", v) for i, v in enumerate(value)]
            )
            for path, ref in refs:
                if ref not in known:
                    problems.append(
                        Problem(
                            display,
                            f"unknown {BY_NAME[target].what} '{ref}' (no such id in {target_display})",
                            f"'{entry.id}' (#{positions[entry.id] + 1})",
                            path,
                        )
                    )
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
        Problem(
            f"{folder}/glossary.yml",
            f"'{term_id}' is also a person's id in {folder}/people.yml; the glossary page "
            "shows both, so their ids (anchors) must differ",
            f"'{term_id}' (#{position + 1})",
            "id",
        )
        for term_id, position in terms.items()
        if term_id in people
    ]


def _check_glossary_names(terms, people, positions, languages, folder: str) -> list[Problem]:
    """The glossary page lists people and terms by name: in each language a name is given once
    (an entry that means the same as another belongs in its variants)."""
    problems = []
    for lang in languages:
        seen = {person.name[lang]: f"the person '{person.id}' in {folder}/people.yml" for person in people}
        for term in terms:
            name = term.term[lang]
            if name in seen:
                problems.append(
                    Problem(
                        f"{folder}/glossary.yml",
                        f"{name!r} is also the name of {seen[name]}; give each a name of its own, "
                        "or merge them (the other forms go in variants, the other id in former_ids)",
                        f"'{term.id}' (#{positions.get(term.id, 0) + 1})",
                        f"term.{lang}",
                    )
                )
            else:
                seen[name] = f"entry '{term.id}'"
    return problems


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
        Problem(
            display,
            f"a second framework agreement ({first} is one already); there must be exactly one",
            entry_label(index, entry),
            "group",
        )
        for index, entry in framework[1:]
    ]


def _check_places(
    valid: dict[str, list[BaseModel]], raw_ids: dict[str, dict[str, int] | None], folder: str, raw_agreements: list[Any]
) -> list[Problem]:
    """An agreement's places lie on different sides (at most one per side), and every place
    is named by an agreement, so every point of the schematic links somewhere."""
    if raw_ids["places"] is None or raw_ids["agreements"] is None:
        return []  # a file could not be read: its problem is reported already
    place = {p.id: p for p in valid["places"]}
    agreement_positions, place_positions = raw_ids["agreements"], raw_ids["places"]
    problems: list[Problem] = []
    # Named by an agreement even when that agreement has a mistake of its own (reported already).
    named: set[str] = {
        p
        for entry in raw_agreements
        if isinstance(entry, dict)
        for p in (entry.get("places") or [])
        if isinstance(p, str)
    }
    for agreement in valid["agreements"]:
        sides: dict[str, str] = {}
        for index, place_id in enumerate(agreement.places):
            named.add(place_id)
            if place_id not in place:
                continue  # an unknown id: the reference check reports it
            side = place[place_id].side
            if side in sides:
                problems.append(
                    Problem(
                        f"{folder}/agreements.yml",
                        f"'{place_id}' and '{sides[side]}' are both on the {side} side; an agreement links one place on each side",
                        f"'{agreement.id}' (#{agreement_positions[agreement.id] + 1})",
                        f"places[{index}]",
                    )
                )
            sides[side] = place_id
    for entry in valid["places"]:
        if entry.id not in named:
            problems.append(
                Problem(
                    f"{folder}/places.yml",
                    f"no agreement names this place (add '{entry.id}' to the places of its agreement in {folder}/agreements.yml)",
                    f"'{entry.id}' (#{place_positions[entry.id] + 1})",
                    "id",
                )
            )
    return problems


# -----------------------------------------------------------------------------
# Helper functions: the source and the citations
# -----------------------------------------------------------------------------


def _read_source(
    sources_dir: Path, valid: dict[str, list[BaseModel]], raw_ids: dict[str, dict[str, int] | None], folder: str
) -> tuple[Source | None, list[Problem]]:
    """sources/source.yml validated, and the article it describes with data/corrections.yml applied."""
    display = f"{sources_dir.name}/{DESCRIPTION}"
    try:
        text = (sources_dir / DESCRIPTION).read_text("utf-8")
    except FileNotFoundError:
        return None, [Problem(display, "file not found (it describes the site's one source)")]
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(display, f"cannot be read: {error}")]
    try:
        raw = yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        return None, [Problem(display, f"invalid YAML: {error}")]
    if not isinstance(raw, dict):
        return None, [Problem(display, f"expected a mapping of fields (file, sha256, headline, …), got {kind_of(raw)}")]
    try:
        info = SourceDescription.model_validate(raw)
    except ValidationError as error:
        return None, [Problem(display, message, "", path) for path, message in describe(error, SourceDescription)]
    problems = []
    people = raw_ids.get("people")
    if people is not None and info.author not in people:
        problems.append(
            Problem(display, f"unknown person '{info.author}' (no such id in {folder}/people.yml)", "", "author")
        )
    if raw_ids.get("corrections") is None or len(valid["corrections"]) != len(raw_ids["corrections"]):
        return None, problems  # the corrections have problems of their own, reported already
    source, read_problems = read_source(
        sources_dir, info, valid["corrections"], f"{folder}/{BY_NAME['corrections'].filename}"
    )
    return source, problems + read_problems


def _check_citations(
    source: Source, valid: dict[str, list[BaseModel]], raw_ids: dict[str, dict[str, int] | None], folder: str
) -> list[Problem]:
    """Every citation in data/ quotes the corrected article."""
    problems = []
    for kind in KINDS:
        if "citation" not in kind.model.model_fields:
            continue
        positions = raw_ids[kind.name] or {}
        for entry in valid[kind.name]:
            if not source.occurs(entry.citation):
                problems.append(
                    Problem(
                        f"{folder}/{kind.filename}",
                        f"not in the source ({source.path.parent.name}/{source.path.name}, as corrected): "
                        f"{source.where_it_differs(entry.citation)}",
                        f"'{entry.id}' (#{positions.get(entry.id, 0) + 1})",
                        "citation",
                    )
                )
    return problems

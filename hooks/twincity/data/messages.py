"""Pydantic's validation errors in words a person editing data/*.yml can act on."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError


def describe(error: ValidationError, model: type[BaseModel]) -> Iterator[tuple[str | None, str]]:
    """(field path, message) for every problem of one entry."""
    yield from _describe(error, model)


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
        elif kind == "string_too_long":
            limit = item["ctx"]["max_length"]
            yield _path(loc), f"{len(value)} characters, more than the {limit} a text may hold (see data/README.md)"
        elif kind == "string_type":
            yield _path(loc), f"expected text, got {kind_of(value)}"
        elif kind == "string_pattern_mismatch":
            yield (
                _path(loc),
                f"{value!r} is not a kebab-case ASCII id (lowercase letters, digits and hyphens, e.g. 'maritime-affairs')",
            )
        elif kind in {"model_type", "model_attributes_type", "dict_type"}:
            yield _path(loc), f"expected a mapping (key: value lines), got {kind_of(value)}"
        elif kind == "list_type":
            yield _path(loc), f"expected a list, got {kind_of(value)}"
        elif kind in {"int_type", "int_parsing", "int_from_float"}:
            yield _path(loc), f"expected a whole number, got {kind_of(value)}"
        elif kind == "literal_error":
            yield _path(loc), f"{value!r} is not allowed; expected one of {item['ctx']['expected']}"
        elif kind == "text_languages":  # models.Text
            context = item["ctx"]
            for code in context["missing"]:
                yield _path([*loc, code]), f"missing (a text holds one value per language: {context['languages']})"
            for code in context["unknown"]:
                yield _path([*loc, code]), f"'{code}' is not a language of the site ({context['languages']})"
        elif kind == "past_date":  # models.TimelineEvent: checked on the whole entry, reported on its date
            yield _path([*loc, "date"]), item["ctx"]["reason"]
        elif kind == "value_error":
            yield _path(loc), str(item["ctx"]["error"])
        else:
            yield _path(loc), item["msg"][0].lower() + item["msg"][1:]


def _path(loc: list[Any]) -> str | None:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or None


def kind_of(value: Any) -> str:
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
    return getattr(annotation, "__origin__", None) and _model_in(annotation.__origin__)

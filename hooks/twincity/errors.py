"""The errors that stop the build, each in words a person can act on: a data mistake
names file, entry and field; a page or configuration mistake names its file."""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.exceptions import PluginError


@dataclass(frozen=True)
class Problem:
    """One mistake in a data file, in words a person can act on."""

    file: str
    message: str
    entry: str | None = None  # "'maritime-affairs' (#7)" or "#7"
    field: str | None = None  # "title.en", "related_events[0]"

    def __str__(self) -> str:
        where = [self.file]
        if self.entry:
            where.append(f"entry {self.entry}")
        if self.field:
            where.append(self.field)
        return ": ".join(where + [self.message])


class DataError(Exception):
    """Raised when data/*.yml cannot be used: carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the site data:"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])


def entry_label(index: int, entry: object) -> str:
    """How a message names an entry: its id when it has a usable one, and always its position (1-based)."""
    entry_id = entry.get("id") if isinstance(entry, dict) else None
    if isinstance(entry_id, str) and entry_id.strip():
        return f"'{entry_id}' (#{index + 1})"
    return f"#{index + 1}"


class PageError(Exception):
    """A page does not fit the data hook: a marker missing on its page, unknown, or given twice."""


class ConfigError(PluginError):
    """mkdocs.yml or a catalogue does not give the hook what it needs. A PluginError, so
    MkDocs stops the build with the message and no traceback."""

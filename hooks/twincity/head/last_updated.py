"""When a page last changed: the day of the newest commit that touched the page's file
or one of the data files it shows, read from the project's git history.

The data files a page shows are those of the markers on it (each marker's `reads` in `markers.MARKERS`), so the
agreements page changes with data/agreements.yml and with the people, events and
statements it names. The day is the commit's own (committer date, in the time zone it
was committed in), shown in the page's language (`PartialDate.display`).

No third party is asked, and nothing is guessed: without git, outside a repository
(an export), in a shallow clone (whose oldest commit would look like the last change
of every file) or for a file not yet committed, the date is unknown; the page says so
and the build tells once why. The Pages workflow checks out the whole history for it
(`actions/checkout` with `fetch-depth: 0`).
"""

from __future__ import annotations

import functools
import logging
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..data.dates import PartialDate

log = logging.getLogger("mkdocs.hooks.twincity")


@dataclass(frozen=True)
class LastUpdated:
    """A page's last change: its day, or why it is not known."""

    date: PartialDate | None
    reason: str = ""  # when date is None: 'no-git', 'shallow', 'uncommitted'

    @property
    def iso(self) -> str:
        return self.date.iso if self.date else ""


@dataclass(frozen=True)
class History:
    """The git history of one project folder, or why there is none to read."""

    root: Path
    problem: str = ""  # 'no-git' or 'shallow'; '' when the history can be read

    def last_updated(self, paths: tuple[Path, ...]) -> LastUpdated:
        if self.problem:
            return LastUpdated(None, self.problem)
        return _newest_commit_day(self.root, tuple(sorted(str(p) for p in paths)))


def history_of(root: Path) -> History:
    """The history of the project at `root`; the reason once in the build's log when it cannot be read."""
    return _history(Path(root).resolve())


@functools.cache
def _history(root: Path) -> History:
    try:
        inside = _git(root, "rev-parse", "--is-inside-work-tree")
    except (OSError, subprocess.SubprocessError):
        inside = None
    if inside != "true":
        log.info(
            "twincity: last-updated dates are not shown: %s is not in a git repository (an export?); "
            "the pages say the date is unknown",
            root,
        )
        return History(root, "no-git")
    if _git(root, "rev-parse", "--is-shallow-repository") == "true":
        log.info(
            "twincity: last-updated dates are not shown: %s is a shallow clone, whose history is cut off "
            "(check out with the whole history: actions/checkout with fetch-depth: 0)",
            root,
        )
        return History(root, "shallow")
    return History(root)


@functools.cache
def _newest_commit_day(root: Path, paths: tuple[str, ...]) -> LastUpdated:
    day = _git(root, "log", "-1", "--format=%cs", "--", *paths)
    if not day:
        return LastUpdated(None, "uncommitted")
    return LastUpdated(PartialDate.parse(day))


def _git(root: Path, *args: str) -> str | None:
    result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=60)
    return result.stdout.strip() if result.returncode == 0 else None


def forget() -> None:
    """Read the history again (tests, and `mkdocs serve` after a commit)."""
    _history.cache_clear()
    _newest_commit_day.cache_clear()

"""What a mark expression (`pytest -m`) can select, worked out before collection."""

from __future__ import annotations

import itertools

import pytest

# pytest's parser of -m expressions (what `-m` itself evaluates with); it has no public home.
from _pytest.mark.expression import Expression


def registered_marks(config: pytest.Config) -> set[str]:
    """The names of the marks pytest knows (ini `markers`, its own and its plugins'):
    under --strict-markers (pyproject.toml) no test carries any other."""
    return {line.split(":")[0].split("(")[0].strip() for line in config.getini("markers")}


def may_select(markexpr: str, mark: str, config: pytest.Config) -> bool:
    """Whether `markexpr` selects some test marked `mark`, whatever other registered marks
    it carries: the expression is tried on every set of them that holds `mark`."""
    return selects_some(markexpr, mark, registered_marks(config) - {mark})


def selects_some(markexpr: str, mark: str, others: set[str]) -> bool:
    if not markexpr:
        return True
    expression = Expression.compile(markexpr)
    names = sorted(others)
    try:
        return any(
            expression.evaluate(_matcher({mark, *chosen}))
            for size in range(len(names) + 1)
            for chosen in itertools.combinations(names, size)
        )
    except _WithArguments:  # a mark's arguments in the expression: say yes, and let -m decide
        return True


class _WithArguments(Exception):
    pass


def _matcher(marks: set[str]):
    def match(name: str, /, **kwargs) -> bool:
        if kwargs:
            raise _WithArguments
        return name in marks

    return match

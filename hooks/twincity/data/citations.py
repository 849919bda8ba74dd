"""The build checks every citation in data/ against the source: an excerpt that the
corrected article does not contain stops the build, naming file, entry and field and
showing where the text parts from the source."""

from __future__ import annotations

from ..errors import Problem
from .kinds import KINDS
from .site_data import SiteData
from .source import SourceError, corrected_source, occurs_in_source, where_it_differs


def citation_problems(data: SiteData, folder: str = "data") -> list[Problem]:
    try:
        corrected_source()
    except SourceError as error:
        return [Problem(f"{folder}/corrections.yml", str(error))]
    problems = []
    for kind in KINDS:
        if "citation" not in kind.model.model_fields:
            continue
        for entry in data.entries(kind.name):
            if not occurs_in_source(entry.citation):
                problems.append(
                    Problem(
                        f"{folder}/{kind.filename}",
                        f"not in the source (sources/source-article.zh.txt, as corrected): {where_it_differs(entry.citation)}",
                        f"'{entry.id}'",
                        "citation",
                    )
                )
    return problems

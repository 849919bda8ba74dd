"""What the site tells readers so that they can trust and reuse it, as mkdocs.yml sets it
once (`extra.twincity.licence`, `extra.twincity.report`): the licence of its own texts
and data, and where a reader reports an error.

The report address is known only where the site deploys: the Pages workflow passes the
repository's address (`REPO_URL`, from `github.server_url` and `github.repository`), so
reports go to its issue tracker with the page's title and address filled in. A build
without it (a local one) invents no address: with an e-mail address (`REPORT_EMAIL`)
reports go there, and with neither the link leads to the sources page's section on
reporting errors, and the build says so.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import quote

from ..errors import ConfigError
from . import checks
from .catalogue import Catalogue

log = logging.getLogger("mkdocs.hooks.twincity")

# The section of the sources page every language's report link falls back to.
FALLBACK_ANCHOR = "report-an-error"


@dataclass(frozen=True)
class Licence:
    """The licence of the site's own texts and data (not of the report's excerpts)."""

    id: str  # SPDX identifier: CC-BY-4.0
    name: str  # short name, the same in every language: CC BY 4.0
    url: str  # its text


@dataclass(frozen=True)
class ReportAddress:
    """Where error reports go: an issue tracker, an e-mail address, or neither (a local build)."""

    repository: str  # https://github.com/owner/name, or ''
    email: str  # or ''

    @property
    def kind(self) -> str:
        return "issues" if self.repository else "email" if self.email else "none"

    def link(self, title: str, url: str, texts: Catalogue) -> str | None:
        """The report link of a page, carrying its title and address; None when there is no address."""
        subject = texts["report.subject"].format(title=title, url=url)
        body = texts["report.body"].format(title=title, url=url)
        if self.repository:
            return f"{self.repository}/issues/new?title={quote(subject, safe='')}&body={quote(body, safe='')}"
        if self.email:
            return f"mailto:{self.email}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"
        return None


@dataclass(frozen=True)
class TrustSettings:
    licence: Licence
    report: ReportAddress


def trust_settings(config) -> TrustSettings:
    """Read extra.twincity.licence and extra.twincity.report; ConfigError on a mistake."""
    settings = (config.extra or {}).get("twincity") or {}
    licence = settings.get("licence") or {}
    missing = [key for key in ("id", "name", "url") if not licence.get(key)]
    if missing:
        raise ConfigError(
            "mkdocs.yml: extra.twincity.licence needs id (SPDX: CC-BY-4.0), name (CC BY 4.0) and url "
            f"(the licence's text); missing: {', '.join(missing)}"
        )
    report = settings.get("report") or {}
    repository = str(report.get("repository") or "").rstrip("/")
    email = str(report.get("email") or "")
    # Published in every footer, feed, JSON-LD and report link: checked like data.
    where = "mkdocs.yml: extra.twincity"
    problems = checks.https_or_site_path(licence["url"], f"{where}.licence.url")
    problems += checks.plain_text(licence["id"], f"{where}.licence.id")
    problems += checks.plain_text(licence["name"], f"{where}.licence.name")
    if repository:
        problems += checks.https_url(repository, f"{where}.report.repository (REPO_URL)")
    if email:
        problems += checks.plain_email(email, f"{where}.report.email (REPORT_EMAIL)")
    checks.raise_if(problems)
    return TrustSettings(
        Licence(str(licence["id"]), str(licence["name"]), str(licence["url"])), ReportAddress(repository, email)
    )


def say_where_reports_go(settings: TrustSettings) -> None:
    """Once per build: a build without a report address says where its links lead instead."""
    if settings.report.kind == "none":
        log.info(
            "twincity: no report address (REPO_URL and REPORT_EMAIL are unset, as in a local build): "
            "each page's report link leads to the sources page's section on reporting errors"
        )

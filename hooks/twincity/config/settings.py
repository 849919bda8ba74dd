"""The settings of `extra.twincity` in mkdocs.yml, in one typed, validated class.

As mkdocs-static-i18n validates its options, the settings are a MkDocs `Config` schema:
MkDocs' own options check each value's type and presence, then the checks of
config/checks.py check what reaches every page (https addresses, a plain e-mail address,
plain text). Every mistake is collected into one message naming mkdocs.yml and the key;
an unknown key is a mistake too (a misspelt one would otherwise be ignored).

    source_language   the language of the one source the site quotes (an i18n language)
    catalogues        the folder of the text catalogues, one <language>.yml each
    licence           id (SPDX), name, url: the licence of the site's own texts and data
    report            repository (REPO_URL), email (REPORT_EMAIL): where readers report errors
    filing            icp (ICP_FILING), psb (PSB_FILING): a mainland copy's filing numbers
"""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

from ..errors import ConfigError
from . import checks

WHERE = "mkdocs.yml: extra.twincity"


class Licence(base.Config):
    id = c.Type(str)  # SPDX identifier: CC-BY-4.0
    name = c.Type(str)  # short name, the same in every language: CC BY 4.0
    url = c.Type(str)  # its text


class Report(base.Config):
    repository = c.Type(str, default="")  # https://github.com/owner/name, or '' (a local build)
    email = c.Type(str, default="")


class Filing(base.Config):
    icp = c.Type(str, default="")  # 辽ICP备…号 (as issued; shown as it is)
    psb = c.Type(str, default="")  # the public-security filing number


class Settings(base.Config):
    source_language = c.Type(str)
    catalogues = c.Type(str)
    licence = c.SubConfig(Licence)
    report = c.SubConfig(Report)
    filing = c.SubConfig(Filing)


def settings_of(config) -> Settings:
    """extra.twincity validated; ConfigError listing every mistake."""
    raw = (config.extra or {}).get("twincity")
    if not isinstance(raw, dict):
        raise ConfigError(f"{WHERE}: missing, or not a mapping of settings (source_language, catalogues, licence, …)")
    settings = Settings(config_file_path=getattr(config, "config_file_path", None))
    settings.load_dict(raw)
    # Each option on its own: MkDocs' Config.validate() stops at the first mistake.
    problems, failed = [], set()
    for key, option in settings._schema:
        try:
            settings[key] = option.validate(settings.get(key))
        except ValidationError as error:
            problems.append(f"{WHERE}.{key}: {error}")
            failed.add(key)
        problems += [f"{WHERE}.{key}: {warning}" for warning in option.warnings]
        option.reset_warnings()
    problems += [f"{WHERE}.{key}: unknown setting" for key in sorted(set(raw) - settings._schema_keys)]
    problems += _published_values(settings, failed)
    checks.raise_if(problems)
    settings.report["repository"] = settings.report.repository.rstrip("/")
    return settings


def _published_values(settings: Settings, failed: set[str]) -> list[str]:
    """What reaches every footer, feed, JSON-LD and report link, checked like data (the
    groups whose types MkDocs refused already are left out: their message is given)."""
    problems: list[str] = []
    if "licence" not in failed:
        licence = settings.licence
        problems += checks.https_or_site_path(licence.url, f"{WHERE}.licence.url")
        problems += checks.plain_text(licence.id, f"{WHERE}.licence.id")
        problems += checks.plain_text(licence.name, f"{WHERE}.licence.name")
    if "report" not in failed:
        report = settings.report
        if report.repository:
            problems += checks.https_url(report.repository, f"{WHERE}.report.repository (REPO_URL)")
        if report.email:
            problems += checks.plain_email(report.email, f"{WHERE}.report.email (REPORT_EMAIL)")
    if "filing" not in failed:
        for key in ("icp", "psb"):
            if settings.filing[key]:
                problems += checks.plain_text(settings.filing[key], f"{WHERE}.filing.{key}")
    return problems

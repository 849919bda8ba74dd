"""Checks of configuration values, like those of data: each small function returns the
problems it finds (an empty list when the value is fine), every message naming the file
and the key (`where`: "mkdocs.yml: extra.twincity.licence.url"). Callers collect them
and raise one ConfigError (config/report.py, pipeline.py).

What reaches every page from mkdocs.yml or the environment is published as it is:
Material does not escape nav titles, and an address ends up in href attributes, the
feeds and the JSON-LD. So a URL is https (or a path of this site), an e-mail address is
a plain address (no `?cc=`), and a title is plain text (no markup).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import urlsplit

from ..errors import ConfigError

# Characters no URL, address or title of the configuration may hold: controls and
# invisible format characters (Unicode Cc, Cf), line and paragraph separators.
_INVISIBLE = ("Cc", "Cf", "Zl", "Zp", "Co")
# In a URL, besides: spaces, quotes and angle brackets (they would end an attribute or a tag).
_URL_FORBIDDEN = set(" \"'<>`\\")
# A plain e-mail address: letters, digits and . _ % + - before the @; a domain name after it.
_EMAIL = re.compile(
    r"[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+"
)
# Markup in a title: a tag, a comment or a character reference.
_MARKUP = re.compile(r"[<>]|&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);", re.I)


def _invisible(value: str) -> str | None:
    for char in value:
        if unicodedata.category(char) in _INVISIBLE:
            return f"U+{ord(char):04X} ({unicodedata.name(char, 'a control character')})"
    return None


def https_url(value: Any, where: str) -> list[str]:
    """An absolute https address (a repository, a licence's text)."""
    if not isinstance(value, str) or not value:
        return [f"{where}: expected an https address, got {value!r}"]
    problems = _url_characters(value, where)
    if problems:
        return problems
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.netloc:
        return [f"{where}: must be an https address (https://…), not {value!r}"]
    return []


def https_or_site_path(value: Any, where: str) -> list[str]:
    """An absolute https address, or a path of this site ('/data/licence/')."""
    if isinstance(value, str) and value.startswith("/") and not value.startswith("//"):
        problems = _url_characters(value, where)
        if not problems and urlsplit(value).scheme:
            problems = [f"{where}: {value!r} is not a path of this site"]
        return problems
    if isinstance(value, str) and value and urlsplit(value).scheme != "https":
        return [f"{where}: must be an https address (https://…) or a path of this site (/…), not {value!r}"]
    return https_url(value, where)


def _url_characters(value: str, where: str) -> list[str]:
    bad = _invisible(value) or next((repr(c) for c in value if c in _URL_FORBIDDEN), None)
    return [f"{where}: {value!r} holds {bad}, which an address may not hold"] if bad else []


def plain_email(value: Any, where: str) -> list[str]:
    """A plain e-mail address: name@domain, nothing after it (no ?cc=, no second address)."""
    if not isinstance(value, str) or not _EMAIL.fullmatch(value):
        return [f"{where}: not an e-mail address, or not a plain one (name@example.org, nothing after it): {value!r}"]
    return []


def plain_text(value: Any, where: str) -> list[str]:
    """Text shown as it is on every page: no markup, no invisible or control characters."""
    if not isinstance(value, str) or not value.strip():
        return [f"{where}: expected a text, got {value!r}"]
    bad = _invisible(value)
    if bad:
        return [f"{where}: {value!r} holds the invisible or control character {bad}"]
    markup = _MARKUP.search(value)
    if markup:
        return [f"{where}: {value!r} holds markup ({markup.group(0)!r}); a title is plain text"]
    return []


def raise_if(problems: list[str]) -> None:
    if problems:
        raise ConfigError("\n".join(problems))


# -----------------------------------------------------------------------------
# Navigation: every title plain text and translated in every language
# -----------------------------------------------------------------------------


def nav_titles(nav: Any) -> Iterator[str]:
    """Every title of mkdocs.yml's nav, pages and sections, in order."""
    for item in nav or []:
        if isinstance(item, Mapping):
            for title, value in item.items():
                yield str(title)
                if isinstance(value, list):
                    yield from nav_titles(value)


def nav_problems(config) -> list[str]:
    """Nav titles and each language's nav_translations: plain text; every title translated
    in every other built language; no translation of a title the nav lacks."""
    problems: list[str] = []
    titles = list(nav_titles(config.nav))
    for title in titles:
        problems += plain_text(title, f"mkdocs.yml: nav: {title!r}")
    known = set(titles)
    for language in config.plugins["i18n"].config.languages:
        if not language.build or language.default:
            continue
        where = f"mkdocs.yml: plugins.i18n.languages[{language.locale}].nav_translations"
        table = language.nav_translations or {}
        missing = [title for title in titles if title not in table]
        if missing:
            problems.append(
                f"{where}: no translation of {', '.join(map(repr, missing))}; every nav title is translated "
                f"in every language (the {language.locale} pages would show another language's title)"
            )
        for title, translation in table.items():
            if title not in known:
                problems.append(f"{where}: {title!r} is not a title of the nav (misspelt, or left from a removed page)")
            problems += plain_text(translation, f"{where}.{title}")
    return problems

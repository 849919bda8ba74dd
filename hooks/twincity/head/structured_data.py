"""schema.org descriptions of each page (JSON-LD in its <head>), in the page's language,
saying only what the site already says.

Every page: the site (WebSite, with its languages), the page itself (WebPage, with its
last-updated day and licence) and its breadcrumb. And where the page shows them: the
17 February 2025 conference (Event: the framework agreement's first related conference
in the timeline, in the place it was signed, its two parties, the city governments,
as organisers), on the agreements and timeline pages; the quotations (Quotation, with
the speaker and the report as the source), on the statements page; the glossary
(DefinedTermSet); the open data (Dataset, with its downloads and licence), on the
sources page.

The JSON is written with '<', '>' and '&' escaped (\\u003c…), so no text in it can
close the <script> element that holds it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..config.languages import Language, Languages
from ..config.pages import SOURCES, TIMELINE, page_url
from ..config.report import TrustSettings
from ..data.site_data import SiteData
from ..publish.open_data import published_files
from .meta import PageHead

# The pages that show each description beyond the ones every page has.
EVENT_PAGES = ("agreements", "timeline")
QUOTES_PAGE = "quotes"
GLOSSARY_PAGE = "glossary"
DATASET_PAGE = SOURCES  # the open data is described there
SCHEMA = "https://schema.org"
_MEDIA_TYPES = {"json": "application/json", "csv": "text/csv", "geojson": "application/geo+json"}


def page_graph(
    head: PageHead,
    language: Language,
    languages: Languages,
    data: SiteData,
    settings: TrustSettings,
    info,
    slug: str,
    root: Path,
) -> dict[str, Any]:
    lang = language.code
    texts = language.texts
    home = languages.absolute(language)
    website_id = f"{home}#website"
    licence = settings.licence.url
    webpage: dict[str, Any] = {
        "@type": "WebPage",
        "@id": head.canonical,
        "url": head.canonical,
        "name": head.title,
        "inLanguage": lang,
        "isPartOf": {"@id": website_id},
        "license": licence,
        "breadcrumb": {"@id": f"{head.canonical}#breadcrumb"},
    }
    if head.description:
        webpage["description"] = head.description
    if info.updated.date:
        webpage["dateModified"] = info.updated.iso
    crumbs = [{"@type": "ListItem", "position": 1, "name": texts["schema.home"], "item": home}]
    if head.canonical != home:
        crumbs.append({"@type": "ListItem", "position": 2, "name": head.title, "item": head.canonical})
    graph: list[dict[str, Any]] = [
        {
            "@type": "WebSite",
            "@id": website_id,
            "url": home,
            "name": language.site_name,
            "inLanguage": list(languages.codes),
            "license": licence,
            "workTranslation" if language.default else "translationOfWork": (
                [{"@id": f"{languages.absolute(other)}#website"} for other in languages if other is not language]
                if language.default
                else {"@id": f"{languages.absolute(languages.default)}#website"}
            ),
        },
        webpage,
        {"@type": "BreadcrumbList", "@id": f"{head.canonical}#breadcrumb", "itemListElement": crumbs},
    ]
    if slug in EVENT_PAGES:
        graph += _event(data, language, languages)
    if slug == QUOTES_PAGE:
        graph += _quotations(data, language, head, _report(data, language, languages.source, root))
    if slug == GLOSSARY_PAGE:
        graph.append(_glossary(data, language, head))
    if slug == DATASET_PAGE:
        graph.append(_dataset(data, language, languages, settings, home))
    return {"@context": SCHEMA, "@graph": graph}


def to_json(graph: dict[str, Any]) -> Markup:
    text = json.dumps(graph, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _framework(data: SiteData):
    return next(a for a in data.agreements if a.group == "framework")


def _event(data: SiteData, language: Language, languages: Languages) -> list[dict[str, Any]]:
    lang = language.code
    framework = _framework(data)
    events = [data.event[i] for i in framework.related_events if data.event[i].category == "conference"]
    if not events:
        return []
    event = events[0]
    parties = (
        [p for p in (framework.parties.dalian, framework.parties.yantai) if p is not None] if framework.parties else []
    )
    url = languages.absolute(language, page_url(TIMELINE)) + f"#{event.id}"
    return [
        {
            "@type": "Event",
            "@id": url,
            "url": url,
            "name": event.title[lang],
            "description": event.summary[lang],
            "startDate": event.date if isinstance(event.date, str) else None,
            "inLanguage": lang,
            "location": {"@type": "Place", "name": framework.signed.place[lang]},
            "organizer": [{"@type": "GovernmentOrganization", "name": p[lang]} for p in parties],
        }
    ]


def _report(data: SiteData, language: Language, source_language: str, root: Path) -> dict[str, Any]:
    """The one report the site is based on (sources/source.yml, as loaded): its headline, language and reporter."""
    info = data.source.info
    report: dict[str, Any] = {"@type": "NewsArticle", "headline": info.headline, "inLanguage": source_language}
    author = data.person.get(info.author)
    if author is not None:
        report["author"] = {"@type": "Person", "name": author.name[language.code]}
    return report


def _quotations(data: SiteData, language: Language, head: PageHead, report: dict[str, Any]) -> list[dict[str, Any]]:
    lang = language.code
    found = []
    for quote in data.quotes:
        if quote.kind != "quoted":  # reported speech and the report's own words are not quotations
            continue
        speaker = data.person[quote.speaker]
        found.append(
            {
                "@type": "Quotation",
                "@id": f"{head.canonical}#{quote.id}",
                "text": quote.text[lang],
                "inLanguage": lang,
                "creator": {"@type": "Person", "name": speaker.name[lang], "jobTitle": speaker.title[lang]},
                "isBasedOn": report,
            }
        )
    return found


def _glossary(data: SiteData, language: Language, head: PageHead) -> dict[str, Any]:
    """The glossary's names and terms with their anchors (and other accepted forms); the
    notes stay on the page: they would double the page's weight for what it already says."""
    lang = language.code
    terms = [{"@type": "DefinedTerm", "@id": f"{head.canonical}#{p.id}", "name": p.name[lang]} for p in data.people]
    for term in data.glossary:
        entry: dict[str, Any] = {"@type": "DefinedTerm", "@id": f"{head.canonical}#{term.id}", "name": term.term[lang]}
        if term.variants.get(lang):
            entry["alternateName"] = list(term.variants[lang])
        terms.append(entry)
    return {
        "@type": "DefinedTermSet",
        "@id": f"{head.canonical}#terms",
        "name": head.title,
        "inLanguage": lang,
        "url": head.canonical,
        "hasDefinedTerm": terms,
    }


def _dataset(
    data: SiteData, language: Language, languages: Languages, settings: TrustSettings, home: str
) -> dict[str, Any]:
    texts = language.texts
    downloads = [
        {
            "@type": "DataDownload",
            "name": texts[f"open_data.titles.{published.kind.name}"],
            "contentUrl": languages.absolute(languages.default, published.path),
            "encodingFormat": _MEDIA_TYPES[published.format],
        }
        for published in published_files()
    ]
    return {
        "@type": "Dataset",
        "@id": languages.absolute(language, page_url(DATASET_PAGE)) + "#open-data",
        "name": texts["schema.dataset"],
        "description": texts["schema.dataset_description"],
        "url": languages.absolute(language, page_url(DATASET_PAGE)) + "#open-data",
        "inLanguage": list(languages.codes),
        "license": settings.licence.url,
        "isAccessibleForFree": True,
        "creator": {"@type": "Organization", "name": language.site_name, "url": home},
        "distribution": downloads,
    }

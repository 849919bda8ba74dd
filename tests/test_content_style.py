"""The site's house style, where a rule can be checked: counts the pages give come from
the data, one measure word for agreements in Chinese, the glossary's English forms on
the English pages, titles of works in italics, one English dash convention."""

from __future__ import annotations

import copy
import re
import shutil

import pytest
import yaml

from support.data import load
from support.rendering import render_context
from support.site import LANGUAGES, ROOT, SOURCE_LANGUAGE, awaiting_translation, catalogues, page_slugs
from twincity.pages.rendering import RenderContext, render_timeline

CATALOGUES = catalogues()
DATA_DIR = ROOT / "data"
OTHER_LANGUAGES = [lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE]


def _yaml(name: str):
    return yaml.safe_load((DATA_DIR / f"{name}.yml").read_text("utf-8")) or []


def _number(n: int, lang: str) -> str:
    """A count as the language writes it in running text (the catalogue's `numbers`)."""
    words = CATALOGUES[lang]["numbers"]
    return words[n] if 0 <= n < len(words) else str(n)


def _article(built_site, slug: str, lang: str, drop: str = "a.headerlink, script, style"):
    article = copy.copy(built_site.soup(slug, lang).select_one("article.md-content__inner"))
    for element in article.select(drop):
        element.decompose()
    return article


# -----------------------------------------------------------------------------
# Counts come from the data
# -----------------------------------------------------------------------------


def _undated(entries: list[dict]) -> list[dict]:
    return [e for e in entries if isinstance(e["date"], dict) and e["date"].get("inferred")]


def _timeline_context(data, lang: str) -> RenderContext:
    return render_context(lang, data, "timeline")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_timeline_counts_its_undated_entries_from_the_data(built_site, lang):
    n = len(_undated(_yaml("timeline")))
    assert n, "data/timeline.yml has no undated (inferred) entry"
    [paragraph] = built_site.soup("timeline", lang).select(".twincity-timeline__undated")
    assert re.search(rf"(?<![0-9A-Za-z]){re.escape(_number(n, lang))}(?![0-9A-Za-z])", paragraph.get_text()), (
        paragraph.get_text()
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_one_more_undated_entry_changes_the_count_on_the_timeline(tmp_path, lang):
    """The count follows the file: nothing on the page is typed that could go stale."""
    shutil.copytree(DATA_DIR, tmp_path / "data")
    entries = _yaml("timeline")
    first = _undated(entries)[0]
    entries.append({**first, "id": first["id"] + "-again"})
    (tmp_path / "data" / "timeline.yml").write_text(
        yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), "utf-8"
    )
    before = render_timeline(_timeline_context(load(DATA_DIR), lang))
    after = render_timeline(_timeline_context(load(tmp_path / "data"), lang))
    n = len(_undated(entries))
    undated = CATALOGUES[lang]["timeline.undated"].split("{n}")[0]
    assert undated + _number(n, lang) in after and undated + _number(n, lang) not in before


# -----------------------------------------------------------------------------
# Chinese: one measure word for agreements
# -----------------------------------------------------------------------------

# 个, as the source counts the agreements' groups (“6个市直部门牵头的行业协议”); the source's
# own “15项合作协议” stays as printed in its excerpts, which are not the site's wording.
MEASURE_WORD = "个"
_COUNT_OF_AGREEMENTS = re.compile(
    r"(?:\d+|[一二两三四五六七八九十几多数]+)([项个份])[^。；，：:、\n]{0,16}?协议|协议（\d+([项个份])）"
)


def _measure_words(text: str) -> list[str]:
    return [m.group(0) for m in _COUNT_OF_AGREEMENTS.finditer(text) if (m.group(1) or m.group(2)) != MEASURE_WORD]


def _source_language_texts(value, path=""):
    """Every source-language text of a data entry, but not the source's own words (citation)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "citation":
                continue
            if key == SOURCE_LANGUAGE and isinstance(item, str):
                yield path, item
            else:
                yield from _source_language_texts(item, f"{path}.{key}")
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from _source_language_texts(item, f"{path}[{n}]")


def test_the_measure_word_rule_finds_another_measure_word():
    assert _measure_words("共16项协议；（6项）") == ["16项协议"]
    assert _measure_words("市直部门牵头的行业协议（6项）") == ["协议（6项）"]
    assert _measure_words("指同一份协议") == ["一份协议"]
    assert _measure_words("签署15个专项合作协议，共16个") == []


@pytest.mark.parametrize("slug", page_slugs())
def test_chinese_pages_count_agreements_with_one_measure_word(built_site, slug):
    # Not the source's own words: its excerpts and quotations.
    article = _article(built_site, slug, SOURCE_LANGUAGE, "a.headerlink, script, style, .twincity-citation, blockquote")
    found = _measure_words(article.get_text("\n"))
    assert not found, f"{slug or 'home'}: {found} (use {MEASURE_WORD})"


def test_data_and_catalogue_count_agreements_with_one_measure_word():
    found = [
        f"data/{path.name}{where}: {words}"
        for path in sorted(DATA_DIR.glob("*.yml"))
        for where, text in _source_language_texts(yaml.safe_load(path.read_text("utf-8")))
        if (words := _measure_words(text))
    ]
    catalogue = (ROOT / "hooks" / "twincity" / "locales" / f"{SOURCE_LANGUAGE}.yml").read_text("utf-8")
    found += [
        f"{SOURCE_LANGUAGE}.yml: {words}" for words in [_measure_words(re.sub(r"\{\w+\}", "1", catalogue))] if words
    ]
    assert not found, "\n".join(found)


# -----------------------------------------------------------------------------
# Titles of works in italics
# -----------------------------------------------------------------------------


def _bare_titles(article, works: list[str], lang: str | None = None) -> list[str]:
    """Titles of works the article names outside italics; with `lang`, in text of that
    language only (not in a form of another language the page quotes, lang="…")."""
    found = []
    for string in article.find_all(string=True):
        if string.find_parent(["em", "i", "script", "style"]):
            continue
        marked = string.find_parent(attrs={"lang": True})
        if lang and marked is not None and marked["lang"].split("-")[0] != lang:
            continue
        found += [title for title in works if re.search(rf"(?<!\w){re.escape(title)}(?!\w)", string)]
    return found


def test_the_italics_rule_finds_a_bare_title():
    from bs4 import BeautifulSoup

    soup = BeautifulSoup("<p>The <em>Across the Sea</em> hall; Across the Sea</p>", "html.parser")
    assert _bare_titles(soup, ["Across the Sea"]) == ["Across the Sea"]
    quoted = BeautifulSoup('<p>Its French title, <span lang="fr">Across the Sea</span></p>', "html.parser")
    assert _bare_titles(quoted, ["Across the Sea"], "en") == [] and _bare_titles(quoted, ["Across the Sea"]) != []


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("slug", page_slugs())
def test_titles_of_works_are_in_italics_wherever_a_page_names_them(built_site, slug, lang):
    works = CATALOGUES[lang]["works"]
    article = _article(built_site, slug, lang, "a.headerlink, script, style, .twincity-citation")
    assert not _bare_titles(article, works, lang), f"{lang}:{slug or 'home'}: {_bare_titles(article, works, lang)}"


# -----------------------------------------------------------------------------
# English: one convention, the one og:locale names
# -----------------------------------------------------------------------------

# British English (Oxford spelling: -ize, but centre, programme, licence, towards), with
# the spaced en dash as the only dash between words. American forms that would slip in:
_AMERICAN = re.compile(
    r"\b(?:center|centers|centered|program|programs|color|colors|favor|labor|traveled|traveling|"
    r"defense|catalog|gray|analyze|analyzed|toward|neighbor|neighbors|honor|meters|kilometers|"
    r"license|licensed|dialog|dialogs)\b",
    re.I,
)
# British -ise where Oxford spelling, which the site follows, has -ize (revitalisation).
_ISE = re.compile(
    r"\b(?:real|organ|revital|modern|util|recogn|special|standard|optim|prior|mobil|character|"
    r"institution|internation|industrial|urban|digit|normal|harmon|central|stabil|minim|maxim)"
    r"is(?:e|es|ed|ing|ation|ations)\b",
    re.I,
)
# A spaced hyphen used as a dash between words ("roots - the site"): the en dash is the only one.
_SPACED_HYPHEN = re.compile(r"(?<=\S) - (?=\S)")
# An em dash between words (not one in Chinese, where —— and 烟台—大连 are right).
_EM_DASH = re.compile(r"(?<![\u3400-\u9fff\u2014])\u2014(?![\u3400-\u9fff\u2014])")
BRITISH = [lang for lang in LANGUAGES if CATALOGUES[lang]["language.og_locale"] == "en_GB"]


def _spelling_breaks(text: str) -> list[str]:
    return [m.group(0) for m in _AMERICAN.finditer(text)] + [m.group(0) for m in _ISE.finditer(text)]


def _dash_breaks(text: str) -> list[str]:
    return [m.group(0) for m in _EM_DASH.finditer(text)] + [m.group(0) for m in _SPACED_HYPHEN.finditer(text)]


def _convention_breaks(text: str) -> list[str]:
    return _spelling_breaks(text) + _dash_breaks(text)


def test_the_convention_rule_finds_american_spelling_and_em_dashes():
    assert _convention_breaks("a program centre — and a center") == ["program", "center", "—"]
    assert _convention_breaks("“烟台—大连”, the programme – a licence") == []


def test_the_convention_rule_finds_ise_spelling_and_spaced_hyphens():
    assert _convention_breaks("full revitalisation - organised, a dialog") == [
        "dialog",
        "revitalisation",
        "organised",
        " - ",
    ]
    assert _convention_breaks("full revitalization – organized; a well-known, precise rise; 1984-2025") == []


def test_one_language_follows_the_british_convention():
    assert BRITISH, "no catalogue names en_GB as its og:locale: say which convention the English follows"


@pytest.mark.parametrize("lang", BRITISH)
@pytest.mark.parametrize("slug", page_slugs())
def test_british_pages_use_british_spelling_and_one_dash(built_site, slug, lang):
    article = _article(built_site, slug, lang, "a.headerlink, script, style, .twincity-citation")
    for element in article.select(f"[lang|={SOURCE_LANGUAGE}]"):  # Chinese, which has its own dashes
        element.replace_with("\u4e2d")
    # Words apart, blocks apart (spelling); as written, where a dash meets its neighbours (dashes).
    found = _spelling_breaks(article.get_text(" "))
    found += _dash_breaks(article.get_text(""))
    assert not found, f"{lang}:{slug or 'home'}: {found}"


@pytest.mark.parametrize("lang", BRITISH)
def test_british_data_and_catalogue_use_british_spelling_and_one_dash(lang):
    def texts(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key == lang and isinstance(item, str):
                    yield item
                elif key == lang and isinstance(item, list):
                    yield from (i for i in item if isinstance(i, str))
                else:
                    yield from texts(item)
        elif isinstance(value, list):
            for item in value:
                yield from texts(item)

    found = [
        f"data/{path.name}: {words}"
        for path in sorted(DATA_DIR.glob("*.yml"))
        for text in texts(yaml.safe_load(path.read_text("utf-8")))
        if (words := _convention_breaks(text))
    ]
    catalogue = yaml.safe_load((ROOT / "hooks" / "twincity" / "locales" / f"{lang}.yml").read_text("utf-8"))

    def strings(value):
        if isinstance(value, dict):
            for item in value.values():
                yield from strings(item)
        elif isinstance(value, list):
            for item in value:
                yield from strings(item)
        elif isinstance(value, str):
            yield value

    found += [f"{lang}.yml: {words}" for text in strings(catalogue) if (words := _convention_breaks(text))]
    assert not found, "\n".join(found)


# -----------------------------------------------------------------------------
# The glossary's English forms are the ones the pages use
# -----------------------------------------------------------------------------


def _key(text: str) -> str:
    """Compared without case, with one kind of apostrophe and hyphens read as spaces."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    return re.sub(r"\s+", " ", re.sub(r"[-‐‑]", " ", text))


def _headwords() -> list[tuple[str, dict]]:
    """(Chinese form, entry) for every glossary term and its Chinese variants, longest first."""
    pairs = [
        (zh, entry)
        for entry in _yaml("glossary")
        for zh in (entry["term"][SOURCE_LANGUAGE], *(entry.get("variants") or {}).get(SOURCE_LANGUAGE, []))
    ]
    return sorted(pairs, key=lambda pair: -len(pair[0]))


def _terms_in(text: str) -> list[dict]:
    """Glossary entries a source-language text names, a longer term hiding the shorter ones inside it."""
    taken = [False] * len(text)
    found = {}
    for zh, entry in _headwords():
        for m in re.finditer(re.escape(zh), text):
            if not any(taken[m.start() : m.end()]):
                taken[m.start() : m.end()] = [True] * len(zh)
                found[entry["id"]] = entry
    return list(found.values())


def _prose(built_site, slug: str, lang: str, *, drop_source: bool) -> str:
    article = _article(built_site, slug, lang, "a.headerlink, script, style, .twincity-citation, .twincity-page-info")
    if drop_source:
        for element in article.select(f"[lang|={SOURCE_LANGUAGE}]"):
            element.decompose()
    return re.sub(r"\s+", " ", article.get_text(" " if drop_source else ""))


def _named(key: str, text: str) -> bool:
    """The headword in the text, also in its plural (strategy: strategies, tour: tours, consortium: consortia)."""
    forms = {
        key,
        key + "s",
        key[:-1] + "ies" if key.endswith("y") else key,
        key[:-2] + "a" if key.endswith("um") else key,
    }
    return any(re.search(rf"(?<![a-z]){re.escape(form)}(?![a-z])", text) for form in forms)


def test_the_glossary_rule_wants_the_headword_not_a_variant():
    assert _named(_key("national strategy"), _key("several national strategies overlapping"))
    assert not _named(_key("root-seeking journey"), _key("root-seeking tours from Dalian"))


@pytest.mark.parametrize("lang", [lang for lang in OTHER_LANGUAGES if not awaiting_translation(lang)])
def test_the_glossarys_form_of_each_term_is_the_one_the_pages_use(built_site, lang):
    """The glossary promises the form the pages use: a term the source-language pages name
    is named, somewhere beyond the glossary itself, by the glossary's headword, not only by
    a variant. (Each page naming it at all is checked in test_content_pages.py.)"""
    slugs = [slug for slug in page_slugs() if slug != "glossary"]
    named = {
        e["id"]: e for slug in slugs for e in _terms_in(_prose(built_site, slug, SOURCE_LANGUAGE, drop_source=False))
    }
    text = " ".join(_key(_prose(built_site, slug, lang, drop_source=True)) for slug in slugs)
    missing = [
        f"{e['term'][SOURCE_LANGUAGE]} → {e['term'][lang]} ({e['id']})"
        for e in named.values()
        if not _named(_key(e["term"][lang]), text)
    ]
    assert not missing, f"{lang}: no page but the glossary uses the glossary's form of:\n  " + "\n  ".join(missing)


def _hyphened(term: str) -> re.Pattern | None:
    """A glossary form written with an en dash (sea–rail, Chengdu–Chongqing), as a hyphen would spell it."""
    if "–" not in term:
        return None
    return re.compile(r"(?<![\w-])" + re.escape(term).replace("–", r"\s?-\s?") + r"(?![\w-])", re.I)


def test_the_dash_form_rule_finds_a_hyphened_pair():
    assert _hyphened("sea–rail intermodal").search("to operate sea-rail intermodal trains")
    assert not _hyphened("sea–rail intermodal").search("to operate sea–rail intermodal trains")
    assert _hyphened("twin-city linkage") is None


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
def test_a_glossary_form_with_a_dash_is_never_hyphened(built_site, lang):
    """One form of a paired term: where the glossary writes the en dash, no page and no data
    text writes a hyphen in its place (not even as an accepted variant)."""
    glossary = _yaml("glossary")
    patterns = [p for e in glossary if (p := _hyphened(e["term"][lang]))]
    assert patterns, "no glossary form with an en dash: the rule has nothing to check"
    texts = {f"/{slug}": _prose(built_site, slug, lang, drop_source=True) for slug in page_slugs()}
    texts.update(
        {
            f"data/glossary.yml {e['id']} variant {v}": v
            for e in glossary
            for v in (e.get("variants") or {}).get(lang, [])
        }
    )
    found = [f"{where}: {m.group(0)}" for where, text in texts.items() for p in patterns if (m := p.search(text))]
    assert not found, "\n".join(found)


# -----------------------------------------------------------------------------
# A quotation's original keeps its quotation marks
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
def test_the_originals_of_quotations_keep_their_outer_quotation_marks(built_site, lang):
    """Beside a translated quotation, the source-language original is quoted as the source
    language quotes it, so that its inner quotation marks (‘闯关东’) still sit inside."""
    p = CATALOGUES[SOURCE_LANGUAGE]["punctuation"]
    quoted = built_site.soup("quotes", lang).select('.twincity-quote[data-kind="quoted"]')
    assert quoted
    for quote in quoted:
        original = quote.select_one(f".twincity-quote__original [lang={SOURCE_LANGUAGE}]").get_text()
        assert original.startswith(p["open_quote"]) and original.endswith(p["close_quote"]), (quote["id"], original)

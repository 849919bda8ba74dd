"""Both languages say the same things: every page pair names the same terms, people
and numbers; English pages are English, Chinese pages use Chinese punctuation, and
every page has one h1 and a description in its own language."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

import pytest
import yaml

from support.site import (
    LANGUAGES,
    ROOT,
    SITE_LANGUAGES,
    SOURCE_LANGUAGE,
    catalogues,
    han_languages,
    locale_languages,
    page_slugs,
)

SLUGS = page_slugs()
DATA = ROOT / "data"
TEXTS = catalogues()
# The page pairs compared: the source's language (the originals) and each English edition;
# the rules of Chinese and of English text, for the editions in those languages.
CHINESE = locale_languages("zh")
ENGLISH = locale_languages("en")
# Editions that mark Han text as another language's (`language.foreign_han`), and the
# languages Han text may be marked as.
FOREIGN_HAN = [lang for lang in LANGUAGES if TEXTS[lang]["language.foreign_han"] is not None]
HAN_LANGUAGES = han_languages()

# Not page prose: permalink marks, and the source excerpts under each data entry,
# which are the same Chinese on both pages and are checked against the source elsewhere.
# .twincity-page-info: what every page says about itself (last updated, report, citation), tested in test_trust.py.
_NOT_PROSE = "a.headerlink, script, style, .twincity-citation, .twincity-page-info"

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_CHAR = re.compile(f"[{_CJK}]")
# Chinese text and the punctuation that belongs to it (not “” and ‘’, which English uses too).
_CJK_RUN = re.compile(f"[{_CJK}][{_CJK}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20·]*")
# On an English page, unmarked Chinese is tolerated only as a short gloss in brackets.
_MAX_GLOSS = 8
_MAX_BARE = 1
_OPENERS = {"(": ")", "（": "）", "“": "”", "《": "》", "「": "」", "【": "】"}


# -----------------------------------------------------------------------------
# Page text
# -----------------------------------------------------------------------------


def _url(slug: str, lang: str) -> str:
    return "/" + SITE_LANGUAGES[lang].root + (f"{slug}/" if slug else "")


def _is_chinese(element) -> bool:
    return (element.get("lang") or "").split("-")[0] in CHINESE


def _prose(built_site, slug: str, lang: str, *, drop_chinese: bool = False):
    """The page's main content without permalinks and source excerpts; on request
    also without the elements marked as in a Chinese edition's language (CHINESE)."""
    article = built_site.soup(slug, lang).select_one("article.md-content__inner")
    assert article is not None, f"{_url(slug, lang)} has no main content"
    article = copy.copy(article)
    for element in article.select(_NOT_PROSE):
        element.decompose()
    if drop_chinese:
        for element in article.find_all(_is_chinese):
            element.decompose()
    # Blocks end a line, so that neighbouring table cells or list items never run together.
    for element in article.find_all(_BLOCKS):
        element.append("\n")
    return article


def _text(element, separator: str = " ") -> str:
    """Text, one line per block, spaces collapsed. Chinese is joined without a separator
    so that a term split by a link (<a>大连</a>保税区) still reads as one."""
    text = re.sub(r"[^\S\n]+", " ", element.get_text(separator))
    return re.sub(r"\s*\n\s*", "\n", text).strip()


_BLOCKS = (
    "p",
    "li",
    "td",
    "th",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "figcaption",
    "summary",
    "caption",
    "blockquote",
    "div",
    "article",
)


def _own_text(block) -> str:
    """The text of `block` that is not inside a smaller block within it."""
    parts = []
    for string in block.find_all(string=True):
        if string.find_parent(_BLOCKS) is block:
            parts.append(str(string))
    return re.sub(r"\s+", " ", " ".join(parts))


# -----------------------------------------------------------------------------
# Terms and people
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    zh: str
    en: tuple[str, ...]
    source: str


def _load(name: str) -> list[dict]:
    path = DATA / name
    assert path.is_file(), f"data/{name} is missing"
    return yaml.safe_load(path.read_text("utf-8")) or []


def _terms(lang: str, source: str = SOURCE_LANGUAGE) -> list[Term]:
    # A term's Chinese form and its Chinese variants each call for its English form.
    terms = [
        Term(zh, (g["term"][lang], *(g.get("variants") or {}).get(lang, [])), f"glossary.yml {g['id']}")
        for g in _load("glossary.yml")
        for zh in (g["term"][source], *(g.get("variants") or {}).get(source, []))
    ]
    terms += [Term(p["name"][source], (p["name"][lang],), f"people.yml {p['id']}") for p in _load("people.yml")]
    # Longest first: a term inside a longer one (胶东 in 胶东半岛) only counts where it stands alone.
    return sorted(terms, key=lambda t: -len(t.zh))


def _english_key(text: str) -> str:
    """English compared without case, with one kind of apostrophe, hyphen = space."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"[-‐‑]", " ", text)
    return re.sub(r"\s+", " ", text)


def terms_on_page(zh_text: str, terms: list[Term]) -> list[Term]:
    """Terms found in `zh_text`, a longer term hiding the shorter ones inside it."""
    taken = [False] * len(zh_text)
    found = []
    for term in terms:
        start, hit = 0, False
        while (at := zh_text.find(term.zh, start)) != -1:
            span = range(at, at + len(term.zh))
            if not any(taken[i] for i in span):
                hit = True
                for i in span:
                    taken[i] = True
            start = at + 1
        if hit:
            found.append(term)
    return found


def missing_terms(zh_text: str, en_text: str, terms: list[Term]) -> list[str]:
    en_key = _english_key(en_text)
    return [
        f"{t.zh} → {' / '.join(t.en)} ({t.source})"
        for t in terms_on_page(zh_text, terms)
        if not any(_english_key(form) in en_key for form in t.en)
    ]


# -----------------------------------------------------------------------------
# Numbers
# -----------------------------------------------------------------------------

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_EN_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_EN_WORDS.update(
    {
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
        "hundred": 100,
        "dozen": 12,
    }
)
_EN_SCALE = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_ZH_SCALE = {"万": 10**4, "亿": 10**8, "万亿": 10**12}
_ZH_DIGITS = {"三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# A Chinese numeral counts as a number when a measure word follows (十五个, 三省, 四向).
_ZH_MEASURE = "个项次条座家位名种省类大核向批场届"

_ZH_NUMBER = re.compile(
    rf"""
    (?<![第\d.,A-Za-z])(?:
      (?P<composite>\d+(?:[+＋]\d+)+(?:[>＞]\d+)?)
    | (?P<y1>\d{{4}})年(?P<m1>\d{{1,2}})月(?P<d1>\d{{1,2}})日
    | (?P<y2>\d{{4}})年(?P<m2>\d{{1,2}})月
    | (?P<m3>\d{{1,2}})月(?P<d3>\d{{1,2}})日
    | (?P<y4>\d{{4}})-(?P<m4>\d{{2}})-(?P<d4>\d{{2}})
    | (?P<year>\d{{4}})年
    | (?P<month>\d{{1,2}})月
    | (?P<pct>\d+(?:\.\d+)?)[%％]
    | (?P<big>\d+(?:\.\d+)?)(?P<scale>万亿|亿|万)
    | (?P<num>\d+(?:\.\d+)?)
    | (?P<cn>[三四五六七八九]?十[一二三四五六七八九]?|[三四五六七八九])(?=[{_ZH_MEASURE}])
    )""",
    re.X,
)


@dataclass(frozen=True)
class Number:
    """A number on a Chinese page: how it is written, and the fact it states."""

    written: str
    fact: tuple
    expected: str  # how the English page might write it, for the message
    context: str = ""


def _zh_numeral(text: str) -> int:
    if "十" not in text:
        return _ZH_DIGITS[text]
    tens, _, ones = text.partition("十")
    return (_ZH_DIGITS.get(tens, 1) if tens else 1) * 10 + ({"一": 1, "二": 2, **_ZH_DIGITS}.get(ones, 0))


def _value(text: str) -> int | float:
    number = float(text)
    return int(number) if number.is_integer() else number


def _spelled(value) -> str:
    for scale, name in ((10**12, "trillion"), (10**9, "billion"), (10**6, "million")):
        if value >= scale and (value / scale) * 100 == int((value / scale) * 100):
            return f"{_value(str(value / scale))} {name} / {value:,}"
    return str(value)


def numbers_in_chinese(text: str) -> list[Number]:
    """The numbers a Chinese text states: dates, years, counts, percentages, 1+15."""
    found = []
    for line in text.splitlines():
        found += _numbers_in_line(re.sub(r"\s+", "", line))
    return found


def _numbers_in_line(text: str) -> list[Number]:
    text = text.translate({c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)})
    found = []
    for m in _ZH_NUMBER.finditer(text):
        g = m.groupdict()
        numbers: list[Number] = []
        if g["composite"]:
            value = g["composite"].replace("＋", "+").replace("＞", ">")
            numbers.append(Number(m[0], ("composite", value), value))
        elif g["y1"] or g["y4"]:
            y, mo, d = (int(g["y1"] or g["y4"]), int(g["m1"] or g["m4"]), int(g["d1"] or g["d4"]))
            numbers.append(Number(m[0], ("date", y, mo, d), f"{d} {MONTHS[mo - 1]} {y}"))
        elif g["y2"]:
            y, mo = int(g["y2"]), int(g["m2"])
            numbers.append(Number(m[0], ("month-year", y, mo), f"{MONTHS[mo - 1]} {y}"))
        elif g["m3"]:
            mo, d = int(g["m3"]), int(g["d3"])
            numbers.append(Number(m[0], ("day-month", mo, d), f"{d} {MONTHS[mo - 1]}"))
        elif g["year"]:
            numbers.append(Number(m[0], ("num", int(g["year"])), g["year"]))
        elif g["month"]:
            mo = int(g["month"])
            if 1 <= mo <= 12:
                numbers.append(Number(m[0], ("month", mo), MONTHS[mo - 1]))
        elif g["pct"]:
            numbers.append(Number(m[0], ("pct", _value(g["pct"])), f"{g['pct']}%"))
        elif g["big"]:
            value = _value(str(float(g["big"]) * _ZH_SCALE[g["scale"]]))
            numbers.append(Number(m[0], ("num", value), _spelled(value)))
        elif g["num"]:
            value = _value(g["num"])
            # 1 is "a", "an", "single" or "first" in English far too often to check.
            if value != 1:
                numbers.append(Number(m[0], ("num", value), str(value)))
        elif g["cn"]:
            value = _zh_numeral(g["cn"])
            numbers.append(Number(m[0], ("num", value), str(value)))
        context = text[max(0, m.start() - 8) : m.end() + 8]
        found += [Number(n.written, n.fact, n.expected, context) for n in numbers]
    return found


_EN_MONTH = "|".join(MONTHS)
_EN_DATE = re.compile(rf"\b(\d{{1,2}})\s+({_EN_MONTH})(?:\s+(\d{{4}}))?\b")
_EN_MONTH_YEAR = re.compile(rf"\b({_EN_MONTH})\s+(\d{{4}})\b")
_EN_MONTH_ONLY = re.compile(rf"\b({_EN_MONTH})\b")
_EN_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_EN_PCT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|per\s?cent\b)")
_EN_SCALED = re.compile(rf"\b(\d+(?:\.\d+)?|{'|'.join(_EN_WORDS)})\s+({'|'.join(_EN_SCALE)})\b", re.I)
_EN_DIGITS = re.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\d.,])\d+(?:\.\d+)?")
_EN_WORD = re.compile(rf"\b({'|'.join(_EN_WORDS)})\b", re.I)
_EN_COMPOSITE = re.compile(r"\d+(?:\s*\+\s*\d+)+(?:\s*>\s*\d+)?")
_EN_NUMBER_WORD = rf"(?:\d+|{'|'.join(_EN_WORDS)})"
# "one plus one greater than two" is how English spells 1+1>2.
_EN_SPELLED_SUM = re.compile(
    rf"\b({_EN_NUMBER_WORD})\s+plus\s+({_EN_NUMBER_WORD})"
    rf"(?:\s+(?:is\s+|be\s+|makes?\s+)?(?:greater|more)\s+than\s+({_EN_NUMBER_WORD}))?\b",
    re.I,
)


def facts_in_english(text: str) -> set[tuple]:
    """Every number fact an English text states, in all the forms it may take."""
    facts: set[tuple] = set()
    for m in _EN_DATE.finditer(text):
        mo = MONTHS.index(m[2]) + 1
        facts.add(("day-month", mo, int(m[1])))
        if m[3]:
            facts.add(("date", int(m[3]), mo, int(m[1])))
    for m in _EN_ISO.finditer(text):
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
        facts |= {("date", y, mo, d), ("day-month", mo, d), ("month-year", y, mo), ("num", y)}
    for m in _EN_MONTH_YEAR.finditer(text):
        facts.add(("month-year", int(m[2]), MONTHS.index(m[1]) + 1))
    for m in _EN_MONTH_ONLY.finditer(text):
        facts.add(("month", MONTHS.index(m[1]) + 1))
    for m in _EN_PCT.finditer(text):
        facts.add(("pct", _value(m[1])))
    for m in _EN_SCALED.finditer(text):
        base = _EN_WORDS.get(m[1].lower())
        base = _value(m[1]) if base is None else base
        facts.add(("num", _value(str(float(base) * _EN_SCALE[m[2].lower()]))))
    for m in _EN_DIGITS.finditer(text):
        facts.add(("num", _value(m[0].replace(",", ""))))
    for m in _EN_WORD.finditer(text):
        facts.add(("num", _EN_WORDS[m[1].lower()]))
    for m in _EN_COMPOSITE.finditer(text):
        facts.add(("composite", re.sub(r"\s+", "", m[0])))
    for m in _EN_SPELLED_SUM.finditer(text):
        a, b, c = (None if w is None else (int(w) if w.isdigit() else _EN_WORDS[w.lower()]) for w in m.groups())
        facts.add(("composite", f"{a}+{b}" + (f">{c}" if c is not None else "")))
    return facts


def missing_numbers(zh_text: str, en_text: str) -> list[str]:
    en_facts = facts_in_english(en_text)
    missing = []
    for number in numbers_in_chinese(zh_text):
        line = f"{number.written} (expected {number.expected})"
        if number.fact not in en_facts and not any(m.startswith(line) for m in missing):
            missing.append(f"{line} in …{number.context}…")
    return missing


# -----------------------------------------------------------------------------
# Chinese on English pages
# -----------------------------------------------------------------------------


def _bracketed(text: str) -> list[tuple[int, int]]:
    """(start, end) of each outermost bracketed or quoted stretch of `text`."""
    spans, closers, start = [], [], 0
    for i, ch in enumerate(text):
        if closers and ch == closers[-1]:
            closers.pop()
            if not closers:
                spans.append((start, i + 1))
        elif ch in _OPENERS:
            if not closers:
                start = i
            closers.append(_OPENERS[ch])
    if closers:  # an unclosed bracket runs to the end
        spans.append((start, len(text)))
    return spans


def unmarked_chinese(text: str) -> list[str]:
    """Chinese in English text (lang="zh" elements already removed) that is neither a
    short gloss in brackets or quotation marks nor a single character."""
    problems = []

    def report(start: int, end: int) -> None:
        problems.append(f"{text[start:end]!r} in …{text[max(0, start - 25) : end + 5].strip()}…")

    outside = list(text)
    for start, end in _bracketed(text):
        if len(_CJK_CHAR.findall(text[start:end])) > _MAX_GLOSS:
            report(start, end)
        outside[start:end] = " " * (end - start)
    for m in _CJK_RUN.finditer("".join(outside)):
        if len(_CJK_CHAR.findall(m[0])) > _MAX_BARE:
            report(m.start(), m.end())
    return problems


# -----------------------------------------------------------------------------
# Tests: the helpers themselves
# -----------------------------------------------------------------------------


def test_numbers_are_read_in_both_languages():
    zh = (
        "2025年2月17日签署“1+15”协议，1200万辆次、4700万人次，播放量超500万，"
        "70%以上，59海里（109公里），2024年3月，十五个，东北三省。"
    )
    en = (
        "On 17 February 2025 the “1+15” agreements; 12 million vehicles, 47,000,000 passengers, "
        "5 million plays, over 70%, 59 nautical miles (109 km), March 2024, fifteen, three provinces."
    )
    assert missing_numbers(zh, en) == []
    assert missing_numbers(zh, en.replace("47,000,000", "46,000,000")) == [
        "4700万 (expected 47 million / 47,000,000) in …1200万辆次、4700万人次，播放量超5…"
    ]
    assert missing_numbers("2月17日", "on 17 March") == ["2月17日 (expected 17 February) in …2月17日…"]
    assert missing_numbers("2024年3月", "in 2024") == ["2024年3月 (expected March 2024) in …2024年3月…"]
    assert missing_numbers("东北三省", "the northeastern provinces") == ["三 (expected 3) in …东北三省…"]
    assert missing_numbers("起到“1+1>2”的效果", "make one plus one greater than two") == []
    assert missing_numbers("起到“1+1>2”的效果", "make one plus one equal two") != []


def test_terms_inside_longer_terms_count_once():
    terms = sorted(
        [Term("胶东", ("Jiaodong",), "a"), Term("胶东半岛", ("Jiaodong Peninsula",), "b")], key=lambda t: -len(t.zh)
    )
    assert [t.zh for t in terms_on_page("胶东半岛的北端", terms)] == ["胶东半岛"]
    assert missing_terms("胶东半岛", "the jiaodong peninsula", terms) == []
    assert missing_terms("胶东半岛", "the Shandong Peninsula", terms) == ["胶东半岛 → Jiaodong Peninsula (b)"]


def test_unmarked_chinese_on_english_pages_is_found():
    assert unmarked_chinese("twin-city linkage (双城联动) and “烟大”") == []
    assert unmarked_chinese("the 双城联动 programme") != []
    assert unmarked_chinese("he said (烟台和大连海相连、人相亲、心相通)") != []
    assert unmarked_chinese("一 is the numeral one") == []
    assert unmarked_chinese("a shorter name, 《大连市、烟台市政府“双城联动”合作框架协议》 (Framework…)") != []


# -----------------------------------------------------------------------------
# Tests: every page pair
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ENGLISH)
@pytest.mark.parametrize("slug", SLUGS)
def test_each_term_and_person_on_a_chinese_page_is_named_on_the_english_page(built_site, slug, lang):
    zh = _text(_prose(built_site, slug, SOURCE_LANGUAGE), "")
    en = _text(_prose(built_site, slug, lang, drop_chinese=True))
    missing = missing_terms(zh, en, _terms(lang))
    assert not missing, (
        f"{_url(slug, lang)} lacks the English of {len(missing)} term(s) that "
        f"{_url(slug, SOURCE_LANGUAGE)} uses:\n  " + "\n  ".join(missing)
    )


@pytest.mark.parametrize("lang", ENGLISH)
@pytest.mark.parametrize("slug", SLUGS)
def test_each_number_on_a_chinese_page_is_on_the_english_page(built_site, slug, lang):
    zh = _text(_prose(built_site, slug, SOURCE_LANGUAGE), "")
    en = _text(_prose(built_site, slug, lang, drop_chinese=True))
    missing = missing_numbers(zh, en)
    assert not missing, (
        f"{_url(slug, lang)} lacks {len(missing)} number(s) that {_url(slug, SOURCE_LANGUAGE)} gives:\n  "
        + "\n  ".join(missing)
    )


@pytest.mark.parametrize("lang", ENGLISH)
@pytest.mark.parametrize("slug", SLUGS)
def test_english_pages_mark_their_chinese_text(built_site, slug, lang):
    article = _prose(built_site, slug, lang, drop_chinese=True)
    problems = []
    for block in [article, *article.find_all(_BLOCKS)]:
        problems += unmarked_chinese(_own_text(block))
    assert not problems, (
        f"{_url(slug, lang)}: Chinese outside elements marked lang={'/'.join(CHINESE)} (allowed only as a "
        f"gloss of up to {_MAX_GLOSS} characters in brackets):\n  " + "\n  ".join(problems)
    )


@pytest.mark.parametrize("lang", FOREIGN_HAN)
@pytest.mark.parametrize("slug", SLUGS)
def test_every_han_character_on_a_page_of_a_language_not_written_in_han_is_marked(built_site, slug, lang):
    """Language of parts (WCAG 3.1.2): header, navigation, footer and generated entries
    included, every piece of Chinese on an English page sits in a lang="zh" element (Han
    text in a language switch entry, in that entry's language), so that a screen reader
    voices it as Chinese rather than spelling it out."""
    soup = built_site.soup(slug, lang)
    unmarked = [
        f"{text.strip()[:60]!r} in <{text.parent.name} class={text.parent.get('class')}>"
        for text in soup.body.find_all(string=_CJK_CHAR)
        if not text.find_parent(["script", "style"])
        and (text.parent if text.parent.has_attr("lang") else text.parent.find_parent(attrs={"lang": True}))["lang"]
        not in HAN_LANGUAGES
    ]
    assert not unmarked, f"{_url(slug, lang)}: Han text without the lang of a language written in Han:\n  " + (
        "\n  ".join(unmarked)
    )


@pytest.mark.parametrize("lang", ENGLISH)
@pytest.mark.parametrize("slug", SLUGS)
def test_english_pages_use_typographic_apostrophes(built_site, slug, lang):
    """One style of apostrophe: “the report’s”, never “the report's” beside it."""
    soup = built_site.soup(slug, lang)
    description = soup.find("meta", attrs={"name": "description"})["content"]
    straight = re.findall(r"\w+'\w*", f"{_text(_prose(built_site, slug, lang))} {description}")
    assert not straight, f"{_url(slug, lang)}: straight apostrophes in {straight}"


@pytest.mark.parametrize("lang", CHINESE + ENGLISH)
@pytest.mark.parametrize("slug", SLUGS)
def test_every_page_has_a_description_in_its_own_language(built_site, slug, lang):
    meta = built_site.soup(slug, lang).find("meta", attrs={"name": "description"})
    assert meta is not None and meta.get("content", "").strip(), f"{_url(slug, lang)} has no meta description"
    has_chinese = bool(_CJK_CHAR.search(meta["content"]))
    assert has_chinese == (lang in CHINESE), (
        f"{_url(slug, lang)} description is not in its language: {meta['content']!r}"
    )


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_every_page_has_a_single_h1(built_site, slug, lang):
    headings = [_text(h).strip() for h in built_site.soup(slug, lang).find_all("h1")]
    assert len(headings) == 1, f"{_url(slug, lang)} has {len(headings)} h1: {headings}"


# -----------------------------------------------------------------------------
# Tests: Chinese punctuation
# -----------------------------------------------------------------------------

_CJK_OR_MARK = f"[{_CJK}“”‘’《》（）、。，；：？！]"
_ASCII_IN_CHINESE = re.compile(f"(?<={_CJK_OR_MARK})\\s*[,;:?!()]\\s*(?={_CJK_OR_MARK})")


def ascii_punctuation_in_chinese(text: str) -> list[str]:
    return [
        f"{m[0].strip()!r} in …{text[max(0, m.start() - 12) : m.end() + 12]}…" for m in _ASCII_IN_CHINESE.finditer(text)
    ]


def test_ascii_punctuation_between_chinese_characters_is_found():
    assert ascii_punctuation_in_chinese("烟台,大连") and ascii_punctuation_in_chinese("登州府(今蓬莱)管辖")
    assert ascii_punctuation_in_chinese("“双城联动”,由来已久")
    assert ascii_punctuation_in_chinese("烟台，大连（今蓬莱）：1+15, twin-city") == []


@pytest.mark.parametrize("lang", CHINESE)
@pytest.mark.parametrize("slug", SLUGS)
def test_chinese_pages_use_full_width_punctuation(built_site, slug, lang):
    soup = built_site.soup(slug, lang)
    article = _prose(built_site, slug, lang)
    for element in article.select(", ".join(["code", "pre", *(f"[lang^='{other}']" for other in ENGLISH)])):
        element.decompose()
    texts = [article.get_text(), soup.title.get_text() if soup.title else ""]
    meta = soup.find("meta", attrs={"name": "description"})
    texts.append(meta.get("content", "") if meta else "")
    problems = [p for text in texts for p in ascii_punctuation_in_chinese(text)]
    assert not problems, f"{_url(slug, lang)}: ASCII punctuation in Chinese text:\n  " + "\n  ".join(problems)


def test_numbers_in_neighbouring_blocks_are_read_apart():
    assert [n.written for n in numbers_in_chinese("协议\n1+15\n1+15")] == ["1+15", "1+15"]

"""Regular English word forms, so that English search finds a word in any of them.

Material adds a trailing wildcard to every query term and lunr does not stem wildcard
terms, so a query finds only the words it is the start of: "agreement" finds
"agreements", but "city" misses "cities" and "ferries" misses "ferry". The English
index therefore gets one more field per section holding the other regular forms of its
words (plural, third person, past, -ing). Rules only, no dictionary: a form that is not
a real word costs a few bytes and matches nothing anyone types.
"""

from __future__ import annotations

import re

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

WORD = re.compile(r"[A-Za-z]+")
MIN_LENGTH = 3  # "is", "us", "at": nothing to inflect
VOWELS = set("aeiou")
SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh")
# Function words: lunr's stop-word filter drops them from index and query alike.
FUNCTION_WORDS = frozenset(
    """
about above after again against all also and any are because been before being below
between both but can could did does down during each from further had has have her here
him his how into its just may might more most must nor not off once only other our out
over own same shall she should some such than that the their them then there these they
this those through too under until upon very was were what when where which while who
whom why will with would yet you your
""".split()
)

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def base_forms(word: str) -> set[str]:
    """The forms a lower-case word may be an inflection of (itself included)."""
    bases = {word}
    if word.endswith("ies") and len(word) > 4:
        bases.add(word[:-3] + "y")  # cities → city
    elif word.endswith("es") and word[:-2].endswith(SIBILANT_ENDINGS):
        bases.add(word[:-2])  # taxes → tax
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        bases.add(word[:-1])  # routes → route
    for suffix in ("ed", "ing"):
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= MIN_LENGTH:
            bases |= {stem, stem + "e"}  # signed → sign, cooperated → cooperate
            if len(stem) > MIN_LENGTH and stem[-1] == stem[-2] and stem[-1] not in VOWELS:
                bases.add(stem[:-1])  # shipped → ship
    if word.endswith("ied") and len(word) > 4:
        bases.add(word[:-3] + "y")  # carried → carry
    return bases


def inflections(base: str) -> set[str]:
    """The regular inflected forms of a lower-case base form."""
    if base.endswith("y") and len(base) > 2 and base[-2] not in VOWELS:
        return {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}  # city → cities
    if base.endswith(SIBILANT_ENDINGS):
        return {base + "es", base + "ed", base + "ing"}
    if base.endswith("e"):
        return {base + "s", base + "d", base[:-1] + "ing"}  # route → routes, routing
    forms = {base + "s", base + "ed", base + "ing"}
    if (
        len(base) >= MIN_LENGTH
        and base[-1] not in VOWELS | {"w", "x", "y"}
        and base[-2] in VOWELS
        and base[-3] not in VOWELS
    ):
        forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}  # ship → shipped
    return forms


def word_forms(word: str) -> set[str]:
    """Every regular form of the word's base forms, the word itself included."""
    word = word.lower()
    if len(word) < MIN_LENGTH or word in FUNCTION_WORDS:
        return {word}
    bases = base_forms(word)
    # An inflected word ("agreements") is not inflected again ("agreementses").
    inflect = bases - {word} or bases
    return bases | {form for base in inflect for form in inflections(base)}


def other_forms(text: str, proper_nouns: frozenset[str] = frozenset()) -> str:
    """The forms of the text's words that the text does not hold, space-separated.

    Proper nouns (lower-cased; words never written in lower case) keep their one form:
    "Yantais" is nobody's query.
    """
    words = {w.lower() for w in WORD.findall(text)}
    forms = set()
    for word in words - proper_nouns:
        forms |= word_forms(word)
    return " ".join(sorted(forms - words))


def proper_nouns(texts: list[str]) -> frozenset[str]:
    """Words that are only ever written with a capital letter across the texts."""
    capitalised, lower = set(), set()
    for text in texts:
        for word in WORD.findall(text):
            (lower if word.islower() else capitalised).add(word.lower())
    return frozenset(capitalised - lower)

"""Regular English word forms for the English search index (hooks/twincity/word_forms.py)."""

from __future__ import annotations

import pytest

from twincity.publish.word_forms import other_forms, proper_nouns, word_forms


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("city", {"cities"}),
        ("cities", {"city"}),
        ("ferry", {"ferries"}),
        ("ferries", {"ferry"}),
        ("agreement", {"agreements"}),
        ("agreements", {"agreement"}),
        ("sign", {"signs", "signed", "signing"}),
        ("signed", {"sign", "signs", "signing"}),
        ("cooperated", {"cooperate", "cooperates", "cooperating"}),
        ("cooperate", {"cooperated", "cooperating", "cooperates"}),
        ("ship", {"shipped", "shipping", "ships"}),
        ("shipping", {"ship", "shipped"}),
        ("tax", {"taxes"}),
        ("taxes", {"tax"}),
        ("carried", {"carry", "carries"}),
        ("route", {"routes"}),
    ],
)
def test_each_regular_form_leads_to_the_others(word, forms):
    assert forms <= word_forms(word)
    assert word in word_forms(word)


@pytest.mark.parametrize("word", ["the", "and", "which", "is", "us", "at"])
def test_function_words_and_short_words_keep_their_one_form(word):
    assert word_forms(word) == {word}


def test_inflected_words_are_not_inflected_again():
    assert not {"agreementses", "agreementsed", "citieses"} & (word_forms("agreements") | word_forms("cities"))


def test_words_like_status_and_analysis_are_not_cut_into_plurals():
    assert "statu" not in word_forms("status") and "analysi" not in word_forms("analysis")


def test_other_forms_leave_out_the_texts_own_words_and_proper_nouns():
    nouns = proper_nouns(["Yantai and Dalian signed agreements. Both cities grew."])
    assert nouns == {"yantai", "dalian", "both"}
    forms = other_forms("Yantai and Dalian signed agreements.", nouns).split()
    assert forms == sorted(forms)
    assert {"sign", "agreement"} <= set(forms)
    assert not {"signed", "agreements", "yantais", "dalians"} & set(forms)

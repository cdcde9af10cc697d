"""Search folding and Norwegian sort order for names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.textfold import fold, fold_words, sort_key_nb

# --- fold --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "spellings",
    [
        ("odegard", "ødegaard", "Ødegård", "ODEGAARD", "Ødegaard", "Oedegaard"),
        ("saether", "sæther", "sather", "SÆTHER", "Saether"),
        ("bjorn", "bjoern", "Bjørn", "BJØRN", "Björn"),
        ("Aasen", "Åsen", "asen"),
        ("Håkon", "Haakon", "hakon"),
        ("Ærø", "Aero", "aro", "Ærø"),
        ("Müller", "muller"),
        ("Strauß", "strauss"),
        ("José", "jose", "JOSÉ"),
        ("Löfgren", "lofgren", "Løfgren"),
        ("Jäger", "jager", "Jæger"),
    ],
)
def test_spellings_fold_alike(spellings: tuple[str, ...]) -> None:
    assert len({fold(s) for s in spellings}) == 1


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Ødegård", "odegard"),
        ("Sæther", "sather"),
        ("Bjørn", "bjorn"),
        ("  Ola-Nordmann  ", "ola nordmann"),
        ("Kari  O'Brien", "kari o brien"),
        ("Per_Olav, Hansen!", "per olav hansen"),
        ("Đuro Åŋŧ", "duro ant"),
        ("Gate 12B", "gate 12b"),
        ("", ""),
        ("---", ""),
        ("Ħ\u0301", "ħ"),  # a letter NFKD keeps, with a combining accent removed
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_decomposed_input_folds_like_composed() -> None:
    assert fold("A\u030asen") == fold("Åsen")  # A + combining ring above
    assert fold("Bjo\u0308rn") == fold("Björn")


def test_fold_words() -> None:
    assert fold_words("Kari Sæther-Ødegård") == ["kari", "sather", "odegard"]
    assert fold_words("  ") == []


def test_any_order_word_prefix_search() -> None:
    """The search the fold is for: every query word prefixes some word of the name."""

    def matches(query: str, name: str) -> bool:
        words = fold_words(name)
        return all(any(w.startswith(q) for w in words) for q in fold_words(query))

    assert matches("ødeg kari", "Kari Sæther Ødegaard")
    assert matches("saeth", "Kari Sæther")
    assert matches("bjoe", "Bjørn Berg")
    assert matches("aa", "Aase Ås")
    assert not matches("sæther", "Kari Sand")


# Names and typing noise, including every letter the fold treats specially.
NAME_TEXT = st.text(
    alphabet=st.sampled_from(list("aeoAEOæøåÆØÅäöüÄÖÜßœđŋŧłþðıéèçñ bdhkrstBDKS-'.\u030a\u0308\u0301")),
    max_size=24,
)


@given(NAME_TEXT)
def test_fold_is_idempotent_on_names(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.text(max_size=24))
def test_fold_is_idempotent_on_any_text(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(NAME_TEXT, st.data())
def test_every_character_prefix_keeps_matching(text: str, data: st.DataObject) -> None:
    """Typing a name one character at a time never loses it: fold(s[:k]) prefixes fold(s)."""
    cut = data.draw(st.integers(min_value=0, max_value=len(text)))
    assert fold(text).startswith(fold(text[:cut]))


@given(st.text(max_size=24), st.data())
def test_prefix_stability_holds_for_any_text(text: str, data: st.DataObject) -> None:
    cut = data.draw(st.integers(min_value=0, max_value=len(text)))
    assert fold(text).startswith(fold(text[:cut]))


SPELLINGS = [
    ("Sæther", "Saether", "Sather"),
    ("Ødegård", "Ødegaard", "Oedegaard", "Odegard"),
    ("Bjørn", "Bjoern", "Björn", "Bjorn"),
    ("Åsen", "Aasen"),
]


@pytest.mark.parametrize("group", SPELLINGS)
def test_prefixes_of_one_spelling_find_the_others(group: tuple[str, ...]) -> None:
    """Agent types "Saet" (or "Sa", cut inside the digraph) for a customer stored as "Sæther"."""
    for typed in group:
        for stored in group:
            for cut in range(len(typed) + 1):
                assert fold(stored).startswith(fold(typed[:cut])), (typed[:cut], stored)


# --- sort_key_nb -------------------------------------------------------------------------------


def test_norwegian_alphabet_order() -> None:
    names = ["Åberg", "Zahl", "Ødegård", "Ærø", "Andersen", "Olsen", "Berg"]
    assert sorted(names, key=sort_key_nb) == ["Andersen", "Berg", "Olsen", "Zahl", "Ærø", "Ødegård", "Åberg"]


def test_swedish_letters_file_with_their_norwegian_counterparts() -> None:
    names = ["Östberg", "Ängström", "Zorn", "Åkesson", "Ørn", "Ærlig"]
    assert sorted(names, key=sort_key_nb) == ["Zorn", "Ängström", "Ærlig", "Ørn", "Östberg", "Åkesson"]


def test_initial_aa_files_as_a_ring() -> None:
    names = ["Aasen", "Zahl", "Andersen", "Åberg", "Åsheim"]
    assert sorted(names, key=sort_key_nb) == ["Andersen", "Zahl", "Åberg", "Aasen", "Åsheim"]
    assert sort_key_nb("Aasen")[0] == sort_key_nb("Åsen")[0]
    # Only at the start of a word: Haakon stays among the H-a names.
    assert sort_key_nb("Haakon") < sort_key_nb("Hb")
    assert sort_key_nb("Berg-Aasen")[0] == sort_key_nb("Berg Åsen")[0]


def test_case_insensitive_with_a_total_order() -> None:
    assert sort_key_nb("ola")[0] == sort_key_nb("OLA")[0]
    assert sorted(["ola", "Ola", "OLA"], key=sort_key_nb) == sorted(["OLA", "ola", "Ola"], key=sort_key_nb)
    assert sort_key_nb("ola") != sort_key_nb("Ola")


def test_word_by_word_and_accents() -> None:
    assert sorted(["Bergan", "Berg Ola", "Berg"], key=sort_key_nb) == ["Berg", "Berg Ola", "Bergan"]
    assert sort_key_nb("Éric")[0] == sort_key_nb("eric")[0]
    assert sorted(["Mørk", "Müller", "Moe"], key=sort_key_nb) == ["Moe", "Müller", "Mørk"]  # ü as y


def test_digits_before_letters() -> None:
    assert sorted(["B", "2", "A"], key=sort_key_nb) == ["2", "A", "B"]


@given(st.lists(st.text(max_size=12), max_size=8))
def test_sort_key_is_a_total_order(names: list[str]) -> None:
    once = sorted(names, key=sort_key_nb)
    assert sorted(reversed(once), key=sort_key_nb) == once

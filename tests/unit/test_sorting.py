"""Names sort the way each interface language's readers expect; the database keeps the Bokmål key."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.sorting import (
    collation_key,
    english_key,
    name_sort_key,
    sort_key_for,
    swedish_key,
)

NAMES = ["Åsen", "Zahl", "Ødegård", "Aas", "Ærø", "Berg", "Ähr", "Öberg", "Andersen", "Ålund", "Élise", "Müller"]


def ordered(lang: str, names: list[str]) -> list[str]:
    return sorted(names, key=sort_key_for(lang))


@pytest.mark.parametrize(("lang", "expected"), [
    # Bokmål: Æ (and Ä) < Ø (and Ö) < Å after Z; a name-initial "Aa" is Å.
    ("nb", ["Andersen", "Berg", "Élise", "Müller", "Zahl", "Ähr", "Ærø", "Öberg", "Ødegård", "Ålund", "Aas", "Åsen"]),
    # Swedish: Å < Ä (and Æ) < Ö (and Ø) after Z; "Aa" is two A's, and Ü sorts as Y.
    ("sv", ["Aas", "Andersen", "Berg", "Élise", "Müller", "Zahl", "Ålund", "Åsen", "Ähr", "Ærø", "Öberg", "Ødegård"]),
    # English: accents dropped, Æ read as AE and Ø as O, nothing after Z.
    ("en", ["Aas", "Ærø", "Ähr", "Ålund", "Andersen", "Åsen", "Berg", "Élise", "Müller", "Öberg", "Ødegård", "Zahl"]),
])
def test_each_language_orders_names_its_own_way(lang: str, expected: list[str]) -> None:
    assert ordered(lang, NAMES) == expected


def test_the_issue_examples() -> None:
    nb, sv = sort_key_for("nb"), sort_key_for("sv")
    assert nb("Z") < nb("Æ") < nb("Ø") < nb("Å")
    assert sv("Z") < sv("Å") < sv("Ä") < sv("Ö")
    assert sv("Æ") == sv("Ä") and sv("Ø") == sv("Ö")
    assert sv("Ü") == sv("Y") and sv("Ü") < sv("Z")


def test_unknown_language_gets_the_bokmal_key() -> None:
    assert sort_key_for("de") is collation_key and sort_key_for("nb") is collation_key


def test_the_stored_key_is_unchanged() -> None:
    """The database's sort_name was written with these keys: changing them would misorder old rows."""
    assert collation_key("Ødegård") == "|deg}rd"
    assert collation_key("Aasen") == "}sen"
    assert collation_key("Sæther-Müller") == "s{ther-muller"
    assert name_sort_key("Kari", "Ødegård") == "|deg}rd kari"
    assert name_sort_key("Anne", "Berg") < name_sort_key("Ola", "Bergen")


def test_name_key_per_language() -> None:
    assert name_sort_key("Åsa", "Lindström", "sv") == "lindstr}m {sa"
    assert name_sort_key("Åsa", "Lindström", "en") == "lindstrom asa"


def test_decomposed_input_sorts_like_composed_in_swedish_and_english() -> None:
    composed, decomposed = "Åsa", "A\u030asa"
    assert swedish_key(composed) == swedish_key(decomposed)
    assert english_key(composed) == english_key(decomposed)


names = st.text(alphabet="abcxyzæøåäöüéAÆØÅÄÖ -'", min_size=0, max_size=12)


@given(names)
def test_keys_are_plain_and_case_blind(text: str) -> None:
    for key in (collation_key, swedish_key, english_key):
        value = key(text)
        assert value == key(text.upper()) == key(text.lower())
        assert value == value.strip() and "  " not in value


@given(names, names)
def test_english_ignores_accents(a: str, b: str) -> None:
    """Two names that differ only in accents compare equal in English, so neither jumps to the end."""
    assert english_key("é" + a) == english_key("e" + a)
    assert english_key(a + "ö") == english_key(a + "o") and english_key(b + "å") == english_key(b + "a")
    assert english_key(a + b).isascii() and not set(english_key(a + b)) & set("{|}")

"""Search keys and sort order for Norwegian and Swedish names.

SQLite's LIKE and FTS5 do not fold ø or æ (docs/architecture.md), and agents type what the customer said,
not how the register spells it: "Odegard" for "Ødegård", "Saether" for "Sæther", "Bjoern" for
"Bjørn". :func:`fold` maps every spelling of a name onto one key; store ``fold(name)`` in a search
column and compare it with ``fold(query)``.

What the fold guarantees (tested with hypothesis):

* it is idempotent: ``fold(fold(s)) == fold(s)``;
* it is prefix-stable: for every string ``s`` and every cut ``k``, ``fold(s[:k])`` is a prefix of
  ``fold(s)``. Typing a name letter by letter therefore never loses the match. This holds because
  each character is mapped on its own and the digraph rule only ever drops a letter because of the
  letter *before* it, never the one after; so it holds for any text, not only for cuts that
  avoid splitting "aa", "ae" or "oe".

Its limits, by design or not yet handled:

* Over-folding: "ae" and "oe" collapse everywhere, so "Michael" ~ "Michal" and "Joel" ~ "Jol".
  Search gets a few extra hits; nothing is missed.
* Prefix matching across spellings follows from the two guarantees only where the full spellings
  fold alike: every prefix of "Saether" finds "Sæther", even "Sa" cut inside the digraph.
* Not folded: ue/ü-as-ue ("Mueller" ≠ "Müller"), th/t, ph/f, ck/k, qu/q, doubled consonants
  ("Lindqvist" ≠ "Lindquist"), and transliteration of non-Latin scripts.
* Apostrophes and hyphens split words ("O'Brien" -> "o brien"), so ``fold_words`` search by
  any-order word prefixes still finds it from "brien" but not from "obrien".
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "fold_words", "sort_key_nb"]

# Letters NFKD cannot take apart. å/ä/ö/ü would come apart anyway; they are listed so the intent
# is explicit. Sami đ, ŋ, ŧ appear in Norwegian names.
_LETTERS = str.maketrans(
    {
        "æ": "ae",
        "ø": "o",
        "å": "a",
        "ä": "a",
        "ö": "o",
        "ü": "u",
        "ß": "ss",
        "œ": "oe",
        "đ": "d",
        "ð": "d",
        "ŋ": "n",
        "ŧ": "t",
        "ł": "l",
        "þ": "th",
        "ı": "i",
    }
)
_NON_ALNUM = re.compile(r"[\W_]+")


def _base_letters(text: str) -> str:
    """Casefolded, Nordic letters spelled out, accents removed, punctuation as single spaces."""
    text = unicodedata.normalize("NFKD", text).casefold().translate(_LETTERS)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return _NON_ALNUM.sub(" ", text).strip()


def _collapse_digraphs(text: str) -> str:
    """aa -> a, ae -> a, oe -> o, as a left-to-right scan so the result is prefix-stable."""
    out: list[str] = []
    for ch in text:
        last = out[-1] if out else ""
        if (last == "a" and ch in "ae") or (last == "o" and ch == "e"):
            continue
        out.append(ch)
    return "".join(out)


def fold(text: str) -> str:
    """The search key: one form for every usual spelling of a Nordic name."""
    return _collapse_digraphs(_base_letters(text))


def fold_words(text: str) -> list[str]:
    """The folded words, for search where each query word must prefix some word of the name."""
    return fold(text).split()


# --- Norwegian alphabetical order ----------------------------------------------------------------

_SPACE_RANK = 0
_DIGIT_RANK = 1  # 0-9 -> 1..10
_LETTER_RANK = 11  # a-z -> 11..36, then æ ø å
_NORDIC_RANK = {"æ": 37, "ø": 38, "å": 39}
_OTHER_RANK = 1000  # other scripts after the Latin alphabet, by code point

# Norwegian order treats Swedish ä/ö as æ/ø and ü as y (Språkrådet, CLDR nb collation).
_SORT_LETTERS = str.maketrans({"ä": "æ", "ö": "ø", "ü": "y"})
_WORD_INITIAL_AA = re.compile(r"(?<![^\W_])aa")


def _sort_letters(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold().translate(_SORT_LETTERS)
    # Traditional rule: a name that starts with "Aa" (Aasen, Aamodt) files under Å.
    text = _WORD_INITIAL_AA.sub("å", text)
    out: list[str] = []
    for ch in text:
        if ch in _NORDIC_RANK:
            out.append(ch)
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        out.append(base.translate(_LETTERS) if base else ch)
    return _NON_ALNUM.sub(" ", "".join(out)).strip()


def _rank(ch: str) -> int:
    if ch == " ":
        return _SPACE_RANK
    if "0" <= ch <= "9":
        return _DIGIT_RANK + ord(ch) - ord("0")
    if "a" <= ch <= "z":
        return _LETTER_RANK + ord(ch) - ord("a")
    if ch in _NORDIC_RANK:
        return _NORDIC_RANK[ch]
    return _OTHER_RANK + ord(ch)


def sort_key_nb(text: str) -> tuple[tuple[int, ...], str]:
    """Key for Norwegian alphabetical order: A-Z, then Æ Ø Å; case-insensitive; word by word.

    Swedish Ä/Ö file as Æ/Ø and Ü as Y, other accents are ignored, and a word beginning with
    "Aa" files as Å. The space ranks lowest, so "Berg Ola" comes before "Bergan". The original
    text breaks ties so that the order is total and stable.
    """
    return tuple(_rank(ch) for ch in _sort_letters(text)), text

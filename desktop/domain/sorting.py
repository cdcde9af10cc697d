"""Collation keys as plain strings, so a binary comparison sorts names the way each language does.

Letters after Z get code points after 'z' ('{', '|', '}'), in each language's own order:

- Bokmål (the database's `sort_name`, and the default): Æ/Ä, Ø/Ö, Å. A name-initial "Aa" sorts
  as Å, as Norwegian telephone books and registers do.
- Swedish: Å, Ä/Æ, Ö/Ø; Ü sorts as Y.
- English: no letters after Z. Accents are dropped (å -> a, ö -> o) and Æ, Ø, Œ, ß are read as
  ae, o, oe, ss.

Other accents are stripped in every language (é -> e). The database's search index keeps the
Bokmål key whatever the interface language: changing it would mean rewriting every stored key.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping

__all__ = ["KEYS", "collation_key", "english_key", "name_sort_key", "sort_key_for", "swedish_key"]

_NB = {"æ": "{", "ä": "{", "ø": "|", "ö": "|", "å": "}"}
_SV = {"å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}", "ü": "y"}
_EN = {"æ": "ae", "ø": "o", "œ": "oe", "ß": "ss", "ð": "d", "đ": "d", "þ": "th", "ł": "l"}


def _key(text: str, special: Mapping[str, str], *, aa_as_ring_a: bool) -> str:
    out: list[str] = []
    for raw in text.casefold().split():
        word = "å" + raw[2:] if aa_as_ring_a and raw.startswith("aa") else raw
        for ch in word:
            if ch in special:
                out.append(special[ch])
                continue
            base = unicodedata.normalize("NFKD", ch)[0]
            if base.isalnum() or base in "-'":
                out.append(base)
        out.append(" ")
    return "".join(out).strip()


def collation_key(text: str) -> str:
    """The Bokmål key: what the database stores and searches by."""
    return _key(text, _NB, aa_as_ring_a=True)


def swedish_key(text: str) -> str:
    # Composed first, so a decomposed "a" + ring still sorts as Å (the stored Bokmål key predates this).
    return _key(unicodedata.normalize("NFC", text), _SV, aa_as_ring_a=False)


def english_key(text: str) -> str:
    return _key(unicodedata.normalize("NFC", text), _EN, aa_as_ring_a=False)


KEYS: dict[str, Callable[[str], str]] = {"nb": collation_key, "sv": swedish_key, "en": english_key}


def sort_key_for(lang: str) -> Callable[[str], str]:
    """The key for an interface language ("nb", "sv", "en"); Bokmål for any other."""
    return KEYS.get(lang, collation_key)


def name_sort_key(first_name: str, last_name: str, lang: str = "nb") -> str:
    """Last name first, as registers sort people; a space keeps 'Berg Anne' before 'Bergen Ola'."""
    key = sort_key_for(lang)
    return f"{key(last_name)} {key(first_name)}".strip()


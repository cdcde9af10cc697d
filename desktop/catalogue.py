"""Translatable text below the UI, kept one way: a catalogue entry maps a language to its text.

The widgets translate with Qt (`tr()`, resources/translations). Everything below them (services,
reports, letters' fragments, labels a service hands up) writes each text as
`{"nb": ..., "en": ..., "sv": ...}` and reads it with `pick`, which falls back rather than fail
when a language is missing. Whole letters are templates (resources/letters), not Python.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["FALLBACK", "LANGUAGES", "Texts", "language", "pick"]

#: Bokmål first, then English and Swedish.
LANGUAGES: tuple[str, ...] = ("nb", "en", "sv")
#: What a text is shown in when its own language is missing.
FALLBACK: dict[str, str] = {"sv": "en", "en": "nb", "nb": "en"}

#: One catalogue entry: language code -> text.
Texts = Mapping[str, str]


def language(tag: str | None) -> str:
    """The catalogue language for a language tag: Norwegian (nb, nn, no) reads Bokmål, Swedish
    Swedish, anything else English; no tag at all is a customer of a Norwegian shop, so Bokmål."""
    base = (tag or "nb").strip().lower()[:2]
    if base in ("nb", "nn", "no"):
        return "nb"
    return "sv" if base == "sv" else "en"


def pick(texts: Texts, lang: str) -> str:
    """The text in `lang` from a catalogue entry, else in its fallback, else any: never a KeyError.

    Services write some outcome texts only in Bokmål and English; a Swedish letter then says them
    in English rather than fail.
    """
    for candidate in (lang, FALLBACK.get(lang, "en"), "en", "nb"):
        if candidate in texts:
            return texts[candidate]
    return next(iter(texts.values()))

"""A collation key as a plain string, so a database's binary ordering sorts names the Norwegian way.

Letters after Z get code points after 'z': æ/ä -> '{', ø/ö -> '|', å -> '}'. A name-initial "Aa"
sorts as Å, as Norwegian telephone books and registers do. Other accents are stripped (é -> e).
"""

from __future__ import annotations

import unicodedata

_AFTER_Z = {"æ": "{", "ä": "{", "ø": "|", "ö": "|", "å": "}"}


def collation_key(text: str) -> str:
    out: list[str] = []
    for raw in text.casefold().split():
        word = "å" + raw[2:] if raw.startswith("aa") else raw
        for ch in word:
            if ch in _AFTER_Z:
                out.append(_AFTER_Z[ch])
                continue
            base = unicodedata.normalize("NFKD", ch)[0]
            if base.isalnum() or base in "-'":
                out.append(base)
        out.append(" ")
    return "".join(out).strip()


def name_sort_key(first_name: str, last_name: str) -> str:
    """Last name first, as registers sort people; a space keeps 'Berg Anne' before 'Bergen Ola'."""
    return f"{collation_key(last_name)} {collation_key(first_name)}".strip()

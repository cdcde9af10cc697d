"""How a date is written in a table, a reason or a notice: one formatter for every layer."""

from __future__ import annotations

from datetime import date


def short_date(d: date, lang: str) -> str:
    """15.11.2026 for Norwegian readers; ISO in English and Swedish, where it is the everyday form
    and cannot be misread."""
    return d.strftime("%d.%m.%Y") if lang == "nb" else d.isoformat()

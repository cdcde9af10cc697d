"""Reading what a caller says (amounts, dates, order numbers) the way a Nordic caller says it."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

_CURRENCY_AFFIX = re.compile(r"^(?:kr\.?|nok|sek)\s*|\s*(?:kr\.?|nok|sek)$|[,.]-$")


_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y", "%d-%m-%Y")


def parse_amount(text: str) -> tuple[int, bool] | None:
    """Amount in minor units and whether decimals were given: "1 299,00", "1299", "kr 1 299"."""
    value = text.strip().lower()
    for _ in range(3):
        value = _CURRENCY_AFFIX.sub("", value).strip()
    value = re.sub(r"[\s\u00a0\u202f']", "", value)
    if not re.fullmatch(r"\d[\d.,]*", value):
        return None
    sep = max(value.rfind(","), value.rfind("."))
    if sep >= 0 and len(value) - sep - 1 in (1, 2):
        whole = re.sub(r"[.,]", "", value[:sep]) or "0"
        return int(whole) * 100 + int(value[sep + 1 :].ljust(2, "0")), True
    # Only thousands separators ("1.299", "1,299"): a Norwegian writes decimals with two digits.
    return int(re.sub(r"[.,]", "", value)) * 100, False


def parse_order_date(text: str) -> date | None:
    value = text.strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def mask_order_number(number: str) -> str:
    return f"{number[:3]}…{number[-3:]}" if len(number) > 6 else "…" + number[-2:]


def compact_postcode(text: str) -> str:
    """A postcode as stored: "0 1 5 0" and "0150" are the same answer."""
    return re.sub(r"\s", "", text)


def order_dates(ordered_at: datetime) -> set[date]:
    # Stored in UTC; the customer remembers the Nordic calendar day (UTC+1 in winter, +2 in summer).
    return {(ordered_at + timedelta(hours=h)).date() for h in (0, 1, 2)}

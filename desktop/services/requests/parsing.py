"""Reading what the desk types (request types, channels) and writing what it keeps (masked values, UTC times)."""

from __future__ import annotations

from datetime import datetime

from desktop.domain.contact import mask_email, mask_phone, normalize_phone
from desktop.domain.requests import (
    Channel,
    RequestType,
)
from desktop.errors import InvalidInput


def parse_request_type(value: str | RequestType) -> RequestType:
    try:
        return RequestType(str(value).strip().lower())
    except ValueError:
        valid = ", ".join(t.value for t in RequestType)
        raise InvalidInput(
            f"Unknown request type '{value}'. Valid types: {valid}.",
            f"Ukjent henvendelsestype '{value}'. Gyldige typer: {valid}.",
        ) from None


def parse_channel(value: str | Channel) -> Channel:
    try:
        return Channel(str(value).strip().lower())
    except ValueError:
        valid = ", ".join(c.value for c in Channel)
        raise InvalidInput(
            f"Unknown channel '{value}'. Valid channels: {valid}.",
            f"Ukjent kanal '{value}'. Gyldige kanaler: {valid}.",
        ) from None


def split_list(value: str | None) -> tuple[str, ...]:
    return tuple(p for p in (value or "").split(",") if p)


def mask_words(value: str) -> str:
    return " ".join(w[0] + "***" for w in value.split()) or "-"


def mask_field(field: str, value: str | None, country: str) -> str:
    """What the change table and the access log keep of a value: its shape, not the value."""
    if not value:
        return "-"
    if field == "email":
        return mask_email(value)
    if field == "phone":
        e164 = normalize_phone(value, country)
        return mask_phone(e164) if e164 else "***"
    if field == "postcode":
        return value[:2] + "*" * max(0, len(value) - 2)
    return mask_words(value)


def iso_utc(value: datetime | None) -> str | None:
    """Stored times are naive UTC; exports say so with a Z."""
    return None if value is None else value.replace(microsecond=0).isoformat() + "Z"

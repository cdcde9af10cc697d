"""Phone numbers and e-mail addresses: one stored form, the local display form, and masks.

Phone numbers are stored as E.164 so that "912 34 567", "+47 91234567" and "0047 912 34 567" are
one customer. Norwegian numbers are displayed the way Norwegians write them: mobile (4xx, 9xx)
and 8xx service numbers as "912 34 567", other numbers as "22 22 22 22". libphonenumber groups
every Norwegian number in pairs, which reads wrong for mobiles, so Norway is grouped here.
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumber, PhoneNumberFormat

__all__ = [
    "format_phone",
    "looks_like_email",
    "mask_email",
    "mask_phone",
    "normalize_email",
    "normalize_phone",
    "phone_candidates",
]

_SEARCH_REGIONS = ("NO", "SE")  # the shop's markets, in the order a query is tried
_MIN_PHONE_DIGITS = 7  # shorter Nordic subscriber numbers do not exist outside service codes
_MAX_INPUT = 64  # longer text is not a phone number; keeps the parser off pasted paragraphs
_PHONE_CHARS = re.compile(r"[\d\s+\-().\/]+")
_THREE_TWO_THREE = ("4", "8", "9")  # Norwegian mobile and service number prefixes


def _parse(text: str, region: str | None) -> PhoneNumber | None:
    if len(text) > _MAX_INPUT:
        return None
    try:
        number = phonenumbers.parse(text, region)
    except NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


def normalize_phone(text: str, default_region: str = "NO") -> str | None:
    """E.164 form of a phone number written any usual way, or None when it is not a valid number."""
    number = _parse(text.strip(), default_region)
    if number is None:
        return None
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def phone_candidates(query: str) -> list[str]:
    """Every E.164 number a search query may mean, best guess first.

    A query with a country prefix ('+' or '00') means one number. Without one it is read as
    Norwegian and then as Swedish, since "91234567" is a valid number in both countries. Letters
    or fewer than seven digits mean the query is not a phone number at all, and the result is
    empty, so the search box can try the other kinds of search.
    """
    text = query.strip()
    if not text or not _PHONE_CHARS.fullmatch(text):
        return []
    if sum(ch.isdigit() for ch in text) < _MIN_PHONE_DIGITS:
        return []
    candidates: list[str] = []
    for region in _SEARCH_REGIONS:
        e164 = normalize_phone(text, region)
        if e164 is not None and e164 not in candidates:
            candidates.append(e164)
    return candidates


def _group_no(national: str) -> str:
    if len(national) == 8 and national.startswith(_THREE_TWO_THREE):
        return f"{national[:3]} {national[3:5]} {national[5:]}"
    if len(national) == 8:
        return " ".join(national[i : i + 2] for i in range(0, 8, 2))
    return national


def format_phone(e164: str) -> str:
    """National display form for Norway and Sweden, international form for anywhere else.

    Text that does not parse is returned unchanged: display code must not fail on old data.
    """
    number = _parse(e164, None)
    if number is None:
        return e164
    region = phonenumbers.region_code_for_number(number)
    if region == "NO":
        return _group_no(phonenumbers.national_significant_number(number))
    if region == "SE":
        return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)


def mask_phone(e164: str) -> str:
    """Country code and the last three digits, e.g. "+47 *** ** 567"; "***" if it does not parse.

    The grouping is the display grouping, so an agent can still match the tail the customer reads
    out without the rest of the number being on screen.
    """
    fast = _group_known_e164(e164)
    if fast is not None:
        country, grouped = fast
        return f"+{country} {_mask_all_but_last(grouped, 3)}"
    number = _parse(e164, None)
    if number is None:
        return "***"
    national = phonenumbers.national_significant_number(number)
    if phonenumbers.region_code_for_number(number) == "NO":
        grouped = _group_no(national)
    else:
        international = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
        grouped = international.split(" ", 1)[1] if " " in international else national
    return f"+{number.country_code} {_mask_all_but_last(grouped, 3)}"


def _mask_all_but_last(grouped: str, keep: int) -> str:
    masked: list[str] = []
    for ch in reversed(grouped):
        if ch.isdigit():
            masked.append(ch if keep > 0 else "*")
            keep -= 1
        else:
            masked.append(ch)
    return "".join(reversed(masked))


def _group_known_e164(e164: str) -> tuple[int, str] | None:
    """Display grouping of the register's own stored numbers in the shop's markets, without the
    full parser: a page of search results masks fifty numbers and libphonenumber's validation
    costs ~0.2 ms each. Anything else returns None and takes the full path."""
    if len(e164) == 11 and e164.startswith("+47") and e164[1:].isdigit() and e164[3] in "2345679":
        return 47, _group_no(e164[3:])
    if len(e164) == 12 and e164.startswith("+467") and e164[1:].isdigit() and e164[4] in "02369":
        national = e164[3:]
        return 46, f"{national[:2]} {national[2:5]} {national[5:7]} {national[7:]}"
    return None


# --- e-mail ----------------------------------------------------------------------------------------

# Deliberately loose: the only reliable test of an address is a message that arrives. This
# rejects what is obviously something else (a name, a phone number, "ola@", "a@b").
_EMAIL = re.compile(
    r"""
    [^@\s<>()\[\],;:"]+                 # local part: no spaces or address punctuation
    @
    (?:[^@\s<>()\[\],;:".]+\.)+         # domain labels, each followed by a dot
    [^@\s<>()\[\],;:".\d]{2,}           # a top-level domain of two or more letters
    """,
    re.VERBOSE,
)


def normalize_email(text: str) -> str | None:
    """Trimmed, lower-case address (also from "mailto:" or "<...>"), or None if it is not one.

    Lower-casing the local part is technically lossy, but no mailbox provider the shop's
    customers use distinguishes case, and duplicates by case are a worse problem.
    """
    value = text.strip()
    if value.lower().startswith("mailto:"):
        value = value[len("mailto:") :]
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    value = value.strip().lower()
    if len(value) > 254 or not _EMAIL.fullmatch(value):
        return None
    local, domain = value.split("@")
    if ".." in value or local.startswith(".") or local.endswith(".") or domain.startswith("-"):
        return None
    return value


def looks_like_email(text: str) -> bool:
    """True for anything with one '@' after a non-empty word and no spaces.

    Looser than :func:`normalize_email` on purpose: the search box sends "ola.nordmann@exa" to the
    e-mail search while the agent is still typing.
    """
    value = text.strip()
    return value.count("@") == 1 and not value.startswith("@") and not any(ch.isspace() for ch in value)


def mask_email(text: str) -> str:
    """ "o***@e***.no": the first letter of the local part and of the domain, and the TLD.

    Anything that is not an address masks to "***", so a mistyped value never shows in full.
    """
    value = normalize_email(text)
    if value is None:
        return "***"
    local, domain = value.split("@")
    tld = domain.rsplit(".", 1)[1]
    return f"{local[0]}***@{domain[0]}***.{tld}"

"""Letters and e-mails from templates kept as resources, so the shop edits wording without code.

Templates are `string.Template` files (resources/templates/<kind>.<lang>.txt; see the README
there), in Bokmål, English and Swedish; Swedish without its template falls back to English.
Substituted values are never scanned for placeholders again, so a reason an agent typed
with a "$" in it comes out as written. A placeholder the caller did not supply is an error, not a
"$name" left in a letter that goes to a customer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from string import Template

from desktop.catalogue import FALLBACK, LANGUAGES, language, pick
from desktop.paths import resources_dir
from desktop.policy import Policy, load_policy
from desktop.reports.i18n import long_date

__all__ = [
    "LANGUAGES",
    "LETTER_KINDS",
    "Letter",
    "LetterTemplateError",
    "format_date",
    "letter_language",
    "pick",
    "policy_fields",
    "render_letter",
    "templates_dir",
]

LETTER_KINDS: tuple[str, ...] = (
    "acknowledgement",
    "extension",
    "refusal",
    "completion",
    "restriction_lift_notice",
    "recipient_notification",
)

class LetterTemplateError(ValueError):
    """A template is missing or asks for a field nobody supplied: a fault in the desk, not the user."""


@dataclass(frozen=True)
class Letter:
    kind: str
    lang: str
    subject: str
    body: str

    @property
    def text(self) -> str:
        """Subject and body as one text, for an e-mail client or the clipboard."""
        return f"{self.subject}\n\n{self.body}"


def templates_dir() -> Path:
    return resources_dir() / "templates"


def format_date(d: date, lang: str) -> str:
    """31.01.2026 for Norwegian readers, 31 January 2026 in English, 31 januari 2026 in Swedish.

    None can be misread: a Swedish reader would take 01.02.2026 for the 1st of February, as a
    Norwegian does, but the month's name leaves nobody in doubt.
    """
    if lang == "nb":
        return d.strftime("%d.%m.%Y")
    return long_date(d, "sv" if lang == "sv" else "en")


def letter_language(customer_language: str | None) -> str:
    """The letter language for a customer: Bokmål for Norwegian, Swedish for Swedish, else English.

    The customer's preferred language ("nb", "sv", "en", or a tag such as "sv-SE") decides; no
    language at all is a customer of a Norwegian shop, so Bokmål.
    """
    return language(customer_language)


def policy_fields(policy: Policy) -> dict[str, str]:
    """The controller and the supervisory authority, as every letter names them."""
    company, authority = policy.company, policy.supervisory_authority
    return {
        "company_name": company.name,
        "company_brand": company.brand,
        "company_org_number": company.organisation_number,
        "company_email": company.email,
        "company_website": company.website,
        "authority_name": authority.name,
        "authority_website": authority.website,
        "authority_address": ", ".join(authority.postal_address),
    }


def template_language(kind: str, lang: str, directory: Path | None = None) -> str:
    """`lang` when its template exists, else its fallback's (Swedish -> English)."""
    directory = directory or templates_dir()
    if (directory / f"{kind}.{lang}.txt").exists() or lang not in FALLBACK:
        return lang
    return FALLBACK[lang]


@cache
def _read(directory: Path, kind: str, lang: str) -> tuple[Template, Template]:
    path = directory / f"{kind}.{lang}.txt"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise LetterTemplateError(f"letter template missing: {path}") from exc
    subject, sep, body = text.partition("\n")
    if not sep or not subject.strip():
        raise LetterTemplateError(f"{path}: the first line must be the subject, then an empty line")
    return Template(subject.strip()), Template(body.lstrip("\n").rstrip() + "\n")


def _as_text(value: object, lang: str) -> str:
    if isinstance(value, datetime):
        return format_date(value.date(), lang)
    if isinstance(value, date):
        return format_date(value, lang)
    return str(value)


def render_letter(
    kind: str,
    lang: str,
    *,
    policy: Policy | None = None,
    directory: Path | None = None,
    **fields: object,
) -> Letter:
    """Fill the template `kind` in `lang` with the policy's company fields and `fields`.

    A Swedish template that is missing gives the English letter, and `Letter.lang` says so.
    """
    if kind not in LETTER_KINDS:
        raise LetterTemplateError(f"unknown letter kind {kind!r}; expected one of {', '.join(LETTER_KINDS)}")
    if lang not in LANGUAGES:
        raise LetterTemplateError(f"no letters in {lang!r}; expected one of {', '.join(LANGUAGES)}")
    directory = directory or templates_dir()
    lang = template_language(kind, lang, directory) if lang == "sv" else lang
    subject_t, body_t = _read(directory, kind, lang)
    values = policy_fields(policy or load_policy())
    values.update({key: _as_text(value, lang) for key, value in fields.items()})
    wanted = set(subject_t.get_identifiers()) | set(body_t.get_identifiers())
    missing = sorted(wanted - values.keys())
    if missing:
        raise LetterTemplateError(f"letter {kind}.{lang} needs {', '.join(missing)}")
    return Letter(kind=kind, lang=lang, subject=subject_t.substitute(values), body=body_t.substitute(values))

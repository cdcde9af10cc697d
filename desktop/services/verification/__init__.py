"""Identity verification for one contact, proportionate to the request (RULEBOOK §4, EDPB 01/2022).

An agent checks who is calling with the least intrusive method that removes reasonable doubt:
questions answered from the record, a one-time code to the *registered* e-mail or phone, an ID
document seen at the counter (its kind and last digits, never an image), or an electronic ID
reference. No method here needs the full identity number, so none asks for it.

A verification lasts for its contact and expires after `valid_for` (default 30 minutes). Three
failures for a customer within 15 minutes lock verification for that customer for 15 minutes,
whoever tries and through whichever contact, so a caller cannot simply ring again. Every outcome
is stored with masked evidence and written to the access log in the same transaction; a refused
or failed attempt commits its record before the error reaches the caller.

Where things are: labels.py (methods, channels, their labels), parsing.py (amounts, dates),
state.py (is this contact verified now, the lockout), errors.py, service.py. Sending goes through
desktop.adapters.mail and desktop.adapters.sms; the names stay importable from here.
"""

from __future__ import annotations

from desktop.adapters.mail import Mailer, SmtpMailer
from desktop.adapters.sms import ConsoleSmsGateway, FileSmsGateway, SmsGateway
from desktop.errors import DeliveryFailed
from desktop.services.verification.errors import CodeNotSent, VerificationFailed, VerificationLocked
from desktop.services.verification.labels import (
    CHANNELS,
    CODE_CHANNELS,
    ELECTRONIC_ID_PROVIDERS,
    ID_DOCUMENT_KINDS,
    LABELS,
    METHODS,
    QUESTION_KINDS,
    label,
)
from desktop.services.verification.parsing import parse_amount, parse_order_date
from desktop.services.verification.service import VerificationService
from desktop.services.verification.state import (
    CODE_VALID_FOR,
    DEFAULT_VALID_FOR,
    FAILURE_WINDOW,
    LOCKOUT,
    MAX_FAILURES,
    ContactRef,
    SentCode,
    VerificationState,
    contact_state,
    load_contact,
)

__all__ = [
    "CHANNELS",
    "CODE_CHANNELS",
    "CODE_VALID_FOR",
    "DEFAULT_VALID_FOR",
    "ELECTRONIC_ID_PROVIDERS",
    "FAILURE_WINDOW",
    "ID_DOCUMENT_KINDS",
    "LABELS",
    "LOCKOUT",
    "MAX_FAILURES",
    "METHODS",
    "QUESTION_KINDS",
    "CodeNotSent",
    "ConsoleSmsGateway",
    "ContactRef",
    "DeliveryFailed",
    "FileSmsGateway",
    "Mailer",
    "SentCode",
    "SmsGateway",
    "SmtpMailer",
    "VerificationFailed",
    "VerificationLocked",
    "VerificationService",
    "VerificationState",
    "contact_state",
    "label",
    "load_contact",
    "parse_amount",
    "parse_order_date",
]

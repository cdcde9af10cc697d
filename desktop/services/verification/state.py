"""Whether a contact is verified now: the state the profile and the dialog show, and the lockout."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.errors import NotFound
from desktop.models import (
    AccessReason,
    Contact,
    IdentityVerification,
    StaffAccount,
    VerificationLockout,
)
from desktop.services.verification.labels import label

MAX_FAILURES = 3


FAILURE_WINDOW = timedelta(minutes=15)


LOCKOUT = timedelta(minutes=15)


CODE_VALID_FOR = timedelta(minutes=10)


DEFAULT_VALID_FOR = timedelta(minutes=30)


@dataclass(frozen=True)
class ContactRef:
    contact_id: int
    customer_id: int
    channel: str
    started_at: datetime
    ended_at: datetime | None = None


@dataclass(frozen=True)
class SentCode:
    contact_id: int
    channel: str
    #: Masked destination ("o***@e***.no", "+47 *** ** 567") for the agent to read back.
    sent_to: str
    expires_at: datetime


@dataclass(frozen=True)
class VerificationState:
    """Where a contact stands: verified (and until when), a recorded reason, or a lockout.

    The method and evidence describe the latest successful check even after it expired, so the
    UI can say "verified by BankID at 14:03, expired at 14:33".
    """

    contact_id: int
    customer_id: int
    contact_open: bool
    verified: bool
    method: str | None = None
    evidence: str | None = None
    verified_by: str | None = None
    verified_at: datetime | None = None
    expires_at: datetime | None = None
    access_reason: str | None = None
    access_reason_until: datetime | None = None
    locked_until: datetime | None = None
    recent_failures: int = 0

    @property
    def has_reason(self) -> bool:
        return self.access_reason is not None

    @property
    def may_see_more(self) -> bool:
        """Need to know: verified, or a reason recorded for this contact, while it lasts."""
        return self.verified or self.has_reason

    @property
    def locked(self) -> bool:
        return self.locked_until is not None

    @property
    def attempts_left(self) -> int:
        return 0 if self.locked else max(0, MAX_FAILURES - self.recent_failures)

    def describe(self, lang: str = "nb", tz: tzinfo | None = None) -> str:
        """One line for the profile header; times in `tz` (None: the workstation's zone)."""
        nb = lang == "nb"

        def hhmm(at: datetime) -> str:
            return at.replace(tzinfo=UTC).astimezone(tz).strftime("%H:%M")

        if not self.contact_open:
            return "Kontakten er avsluttet." if nb else "The contact has ended."
        if self.verified and self.expires_at is not None:
            how = label(self.method or "", lang)
            if nb:
                return f"Identitet bekreftet ({how}: {self.evidence}), gyldig til kl. {hhmm(self.expires_at)}."
            return f"Identity verified ({how}: {self.evidence}), valid until {hhmm(self.expires_at)}."
        if self.access_reason is not None:
            if nb:
                return f"Ikke bekreftet; grunn registrert: {self.access_reason}"
            return f"Not verified; reason recorded: {self.access_reason}"
        if self.locked_until is not None:
            if nb:
                return f"Ikke bekreftet; verifisering er låst til kl. {hhmm(self.locked_until)}."
            return f"Not verified; verification is locked until {hhmm(self.locked_until)}."
        if self.expires_at is not None:
            if nb:
                return f"Bekreftelsen utløp kl. {hhmm(self.expires_at)}; bekreft identiteten på nytt."
            return f"The verification expired at {hhmm(self.expires_at)}; verify the identity again."
        return "Identiteten er ikke bekreftet." if nb else "Identity not verified."


def lock_state(s: Session, customer_id: int, now: datetime) -> tuple[datetime | None, int]:
    """(locked until, failures that count toward the next lock) for one customer."""
    last_lock = s.execute(
        select(VerificationLockout).where(VerificationLockout.customer_id == customer_id)
        .order_by(VerificationLockout.locked_at.desc()).limit(1)
    ).scalar_one_or_none()
    if last_lock is not None and last_lock.locked_until > now:
        return last_lock.locked_until, MAX_FAILURES
    since = now - FAILURE_WINDOW
    if last_lock is not None:
        since = max(since, last_lock.locked_at)  # the failures that caused a lock are spent by it
    last_ok = s.execute(
        select(func.max(IdentityVerification.at)).where(
            IdentityVerification.customer_id == customer_id, IdentityVerification.outcome == "verified"
        )
    ).scalar_one_or_none()
    if last_ok is not None:
        since = max(since, last_ok)  # a success clears the slate
    failures = s.execute(
        select(func.count()).select_from(IdentityVerification).where(
            IdentityVerification.customer_id == customer_id,
            IdentityVerification.outcome == "failed",
            IdentityVerification.at > since,
        )
    ).scalar_one()
    return None, int(failures)


def contact_state(s: Session, contact: Contact, now: datetime) -> VerificationState:
    """The verification state of a contact as of `now`; reads only, logs nothing."""
    ok = s.execute(
        select(IdentityVerification, StaffAccount.username)
        .outerjoin(StaffAccount, StaffAccount.id == IdentityVerification.agent_id)
        .where(IdentityVerification.contact_id == contact.id, IdentityVerification.outcome == "verified")
        .order_by(IdentityVerification.at.desc(), IdentityVerification.id.desc()).limit(1)
    ).first()
    reason = s.execute(
        select(AccessReason).where(AccessReason.contact_id == contact.id)
        .order_by(AccessReason.at.desc(), AccessReason.id.desc()).limit(1)
    ).scalar_one_or_none()
    locked_until, failures = lock_state(s, contact.customer_id, now)
    is_open = contact.ended_at is None
    verification = ok[0] if ok is not None else None
    verified = bool(
        is_open and verification is not None and verification.expires_at is not None
        and verification.expires_at > now
    )
    reason_active = is_open and reason is not None and reason.expires_at > now
    return VerificationState(
        contact_id=contact.id, customer_id=contact.customer_id, contact_open=is_open, verified=verified,
        method=verification.method if verification else None,
        evidence=verification.evidence if verification else None,
        verified_by=ok[1] if ok is not None else None,
        verified_at=verification.at if verification else None,
        expires_at=verification.expires_at if verification else None,
        access_reason=reason.reason if reason is not None and reason_active else None,
        access_reason_until=reason.expires_at if reason is not None and reason_active else None,
        locked_until=locked_until, recent_failures=failures,
    )


def load_contact(s: Session, contact_id: int) -> Contact:
    contact = s.get(Contact, contact_id)
    if contact is None:
        raise NotFound(f"Contact {contact_id} does not exist.", f"Kontakt {contact_id} finnes ikke.")
    return contact

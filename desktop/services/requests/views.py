"""What the request screens and the queue are given: frozen views, no ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from desktop.domain.deadlines import (
    DeadlineState,
)
from desktop.domain.requests import (
    OPEN_STATES,
    Action,
    Channel,
    IdentityState,
    RequestState,
    RequestType,
)
from desktop.services.letters import Letter


@dataclass(frozen=True)
class EventView:
    at: datetime
    actor: str
    action: str
    from_state: RequestState | None
    to_state: RequestState
    note: str | None


@dataclass(frozen=True)
class NotificationView:
    """An Art. 19 notice to one recipient, with the text to send in both languages."""

    id: int
    recipient_key: str
    recipient_name: str
    recipient_name_en: str
    kind: str
    record_kinds: tuple[str, ...]
    subject_nb: str
    body_nb: str
    subject_en: str
    body_en: str
    created_at: datetime
    sent_at: datetime | None


@dataclass(frozen=True)
class ChangeView:
    record_kind: str
    record_id: int
    field: str
    before_masked: str
    after_masked: str
    at: datetime


@dataclass(frozen=True)
class LetterView:
    id: int
    kind: str
    lang: str
    subject: str
    body: str
    created_at: datetime
    sent_on: date | None
    sent_via: str | None


@dataclass(frozen=True)
class RecipientView:
    """A recipient told about a request (Art. 19), by name, for the person who asks who they are."""

    key: str
    name: str
    name_en: str
    kind: str
    named: bool
    notified_at: datetime
    sent: bool


@dataclass(frozen=True)
class RequestView:
    """Everything the request screen shows; `allowed_actions` is for the actor who loaded it."""

    id: int
    reference: str
    type: RequestType
    article: str
    customer_id: int | None
    customer_number: str
    customer_name: str
    customer_language: str
    customer_restricted: bool
    channel: Channel
    received_on: date
    received_at: datetime | None
    filed_at: datetime
    filed_by: str
    identity_state: IdentityState
    state: RequestState
    assigned_agent_id: int | None
    assigned_agent: str
    notes: str
    due_on: date
    extended_until: date | None
    effective_due: date
    extension_reason: str | None
    refusal_reason: str | None
    decision: str | None
    decision_grounds: str | None
    decided_by: str
    decided_at: datetime | None
    marketing_channel: str | None
    scope_purposes: tuple[str, ...]
    is_duplicate: bool
    duplicate_of_id: int | None
    completed_at: datetime | None
    completion_summary: str | None
    completion_channel: str | None
    completion_sent_on: date | None
    version: int
    days_left: int | None
    deadline_state: DeadlineState | None
    allowed_actions: tuple[Action, ...]
    active_restrictions: int
    history: tuple[EventView, ...]
    notifications: tuple[NotificationView, ...]
    changes: tuple[ChangeView, ...]
    letters: tuple[LetterView, ...]

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES


@dataclass(frozen=True)
class ExtensionResult:
    request: RequestView
    notice: Letter


@dataclass(frozen=True)
class QueueRow:
    """One line of the work queue; `days_left`/`deadline_state` are None once the request is closed."""

    request_id: int
    reference: str
    type: RequestType
    state: RequestState
    customer_id: int | None
    customer_number: str
    customer_name: str
    channel: Channel
    received_on: date
    due_on: date
    extended: bool
    days_left: int | None
    deadline_state: DeadlineState | None
    assigned_agent_id: int | None
    assigned_agent: str
    identity_state: IdentityState
    is_duplicate: bool


@dataclass(frozen=True)
class QueueCounts:
    """Counts for the queue's header: no personal data, so not an access-log event."""

    by_state: dict[RequestState, int]
    open_by_type: dict[RequestType, int]
    open_total: int
    overdue: int
    due_soon: int
    mine_open: int

"""The access log's chain computed by the PostgreSQL server, with a key no staff login can read.

From migration 0010 on, a PostgreSQL database appends through `gdpr_desk_audit_append`, a
SECURITY DEFINER function owned by the schema owner: it takes the head-row lock, stamps the actor
from the session's own login (never from the client), computes HMAC-SHA256 over the previous hash
and the entry with the key in `audit_server_key` (a table only the owner can read), inserts the
entry and moves the head, all in one server round trip. A workstation's key therefore cannot
produce an entry that verifies, in anyone's name, and the head row is locked for one statement
instead of three client round trips. The desk's own appends go one step further: they are queued in
`access_log_pending` and a deferred constraint trigger chains them at COMMIT (`queue_on_server`).

Checking is server-side too (`gdpr_desk_audit_mismatches`): the verifier streams entries as
before and asks the server which of them do not match their keyed hash. Entries older than the
migration keep their workstation-key chain; `db_meta.audit_server_chain_from` marks the seam.

Erasure decisions carry a server MAC (`erasure_approval.stamp`) set by the four-eyes trigger: a
decision row that did not pass the trigger (written by the owner with triggers off, or restored
from a doctored backup) has no valid stamp, so `erasure execute` refuses it and `audit verify`
reports it.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop.domain.roles import Actor

#: db_meta key: the first sequence number chained by the server (written by migration 0010).
SERVER_CHAIN_FROM_META = "audit_server_chain_from"

_QUEUE = text(
    "INSERT INTO access_log_pending (actor_id, actor, workstation, action, data, customer_id, purpose, detail, "
    "reason, request_id) VALUES (:actor_id, :actor, :workstation, :action, :data, :customer_id, :purpose, "
    ":detail, :reason, :request_id)"
)
_MISMATCHES = text("SELECT gdpr_desk_audit_mismatches(:lo, :hi)")
_FORGED = text("SELECT gdpr_desk_forged_approvals()")
_GENUINE = text("SELECT gdpr_desk_approval_genuine(:id)")


def server_chain_from(meta: dict[str, str]) -> int | None:
    """Where the server's chain starts, from the database's metadata; None where it has none."""
    raw = meta.get(SERVER_CHAIN_FROM_META)
    try:
        return int(raw) if raw is not None else None
    except ValueError:
        return None


def queue_on_server(
    session: Session, actor: Actor, *, action: str, data: str, customer_id: int | None, purpose: str | None,
    detail: str | None, reason: str | None, request_id: int | None,
) -> None:
    """Queue the entry in the caller's transaction; the server chains it at COMMIT (deferred trigger).

    The head-row lock is then taken inside the server's commit and held only for the chaining and
    the commit itself, never across a workstation's round trip. A failure to chain fails the
    COMMIT, so the unit of work's data is not returned, as with an immediate append.
    """
    session.execute(_QUEUE, {
        "actor_id": actor.account_id, "actor": actor.username, "workstation": actor.workstation,
        "action": action, "data": data, "customer_id": customer_id, "purpose": purpose, "detail": detail,
        "reason": reason, "request_id": request_id,
    })


def mismatched(session: Session, lo: int, hi: int) -> set[int]:
    """Sequence numbers in [lo, hi] whose stored hash is not the server's keyed hash of the entry."""
    return {int(r[0]) for r in session.execute(_MISMATCHES, {"lo": lo, "hi": hi})}


def forged_approvals(session: Session) -> list[int]:
    """Erasure decisions whose server stamp is missing or wrong: they did not pass the four-eyes trigger."""
    return [int(r[0]) for r in session.execute(_FORGED)]


def approval_genuine(session: Session, approval_id: int) -> bool:
    return bool(session.execute(_GENUINE, {"id": approval_id}).scalar())

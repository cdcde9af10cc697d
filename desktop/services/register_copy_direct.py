"""A register copy made outside the desk's request flow (the command line), held to the same rules.

A copy answers a request whose identity check is recorded; one made without a request needs a
written reason, which is logged. Either way the third-party review runs (GDPR Art. 15(4)): flagged
free texts are listed, and no file is written until each is withheld or the review is explicitly
waived (logged, with the reason). The file is encrypted (AES-256) unless the caller says not to.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.roles import Actor
from desktop.errors import DeskError, InvalidInput
from desktop.services.accounts import AccountService
from desktop.services.register_copy import RegisterCopyService, ReviewItem
from desktop.services.register_copy_parts import NamedRecipientLike
from desktop.services.requests import reference

__all__ = ["DirectCopy", "ReviewPending", "make_copy"]

_MAX_REASON = 500


class ReviewPending(DeskError):
    """Free texts that may name other people are not yet decided: nothing was written."""

    def __init__(self, items: Sequence[ReviewItem]) -> None:
        lines = "\n".join(f"  {i.item_id}  {i.title}: " + "; ".join(
            f"{f.kind} «{i.text[f.start:f.end]}»" for f in i.flags) for i in items)
        super().__init__(
            f"{len(items)} free text(s) may hold other people's data (GDPR Art. 15(4)). Withhold each with "
            f"--withhold ITEM, or waive the review with --waive-review and a --reason. Nothing was written.\n{lines}",
            f"{len(items)} fritekst(er) kan inneholde andres personopplysninger (personvernforordningen art. 15 "
            f"nr. 4). Sladd hver med --withhold ITEM, eller frafall gjennomgangen med --waive-review og en "
            f"--reason. Ingenting ble skrevet.\n{lines}",
        )
        self.items = tuple(items)


@dataclass(frozen=True)
class DirectCopy:
    path: Path
    size: int
    records: int
    password: str | None
    flagged: int
    withheld: int
    waived: bool
    #: False when the person has no postal address: the copy cannot go in a window envelope.
    postal: bool = True


def make_copy(service: RegisterCopyService, actor: Actor, customer_id: int, out: Path | str, *, lang: str = "nb",
              request_id: int | None = None, reason: str = "", withhold: Iterable[str] = (),
              waive_review: bool = False, encrypt: bool = True,
              named_recipients: Iterable[NamedRecipientLike] | None = None, replace: bool = False) -> DirectCopy:
    """Collect, review, redact, render, encrypt and save one copy; every decision is logged."""
    why = " ".join(reason.split())
    if len(why) > _MAX_REASON:
        raise InvalidInput(f"Keep the reason under {_MAX_REASON} characters.",
                           f"Hold begrunnelsen under {_MAX_REASON} tegn.")
    if request_id is None and not why:
        raise InvalidInput(
            "A register copy without a request (--request) needs a written reason (--reason): the person's "
            "identity is then not checked by a request, so why the copy is made must be on record.",
            "En registerutskrift uten henvendelse (--request) krever en skriftlig begrunnelse (--reason): "
            "identiteten er da ikke bekreftet gjennom en henvendelse, så hvorfor utskriften lages, må registreres.",
        )
    if waive_review and not why:
        raise InvalidInput("Waiving the third-party review needs a written reason (--reason).",
                           "Å frafalle gjennomgangen av tredjepersoner krever en skriftlig begrunnelse (--reason).")
    ctx = service.ctx
    if request_id is None:
        with ctx.db.transaction() as s:
            AccountService(ctx).require_active(s, actor)
            ctx.audit.append(s, actor, action="register_copy_without_request", data="register_copy",
                             customer_id=customer_id, detail=f"lang={lang}; encrypt={'yes' if encrypt else 'no'}",
                             reason=why)
    data = service.collect(actor, customer_id, request_id=request_id, lang=lang, named_recipients=named_recipients)
    items = {i.item_id: i for i in service.review_items(data)}
    wanted = list(dict.fromkeys(withhold))
    unknown = [w for w in wanted if w not in items]
    if unknown:
        raise InvalidInput(f"Not a free text of this copy: {', '.join(unknown)}.",
                           f"Ikke en fritekst i denne utskriften: {', '.join(unknown)}.")
    flagged = [i for i in items.values() if (i.flags or i.changed_since_redaction) and not i.redacted]
    open_items = [i for i in flagged if i.item_id not in wanted]
    if open_items and not waive_review:
        raise ReviewPending(open_items)
    note = why or "withheld at the command line"
    redactions = (*data.redactions, *(service.withhold_whole(items[w], note) for w in wanted))
    with ctx.db.transaction() as s:
        ctx.audit.append(
            s, actor, action="register_copy_review", data="register_copy", customer_id=customer_id,
            request_id=request_id,
            detail=f"request={reference(request_id) if request_id is not None else 'none'}; flagged={len(flagged)}; "
                   f"withheld={','.join(wanted) or 'none'}; waived={'yes' if open_items else 'no'}",
            reason=why or None,
        )
    pdf = service.render(data, redactions)
    password: str | None = None
    if encrypt:
        pdf, password = service.encrypt(pdf)
    path = service.save(actor, request_id, pdf, out, customer_id=customer_id, replace=replace)
    return DirectCopy(path=path, size=len(pdf), records=data.record_count, password=password, flagged=len(flagged),
                      withheld=len(wanted), waived=bool(open_items), postal=data.addressee.postal)

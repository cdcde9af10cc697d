"""Filing, tracking and fulfilling data-subject requests (GDPR Art. 7(3), 12, 15-21).

Every public method is one user action: one transaction that does the change, records the
request's history, writes its access-log entry and, where the law asks for it, produces the
letters to the person and the Art. 19 notices to recipients. If any part fails, nothing is kept.

Choices the law leaves to the desk, made here once:

* Restriction scope. `RecordMixin.restricted` is per record, not per purpose, so a per-purpose
  restriction (or an upheld Art. 21(1) objection, or a consent withdrawal) restricts the records
  that serve *only* the named purposes. A record that also serves another purpose (the customer
  row serves seven) stays usable for that other purpose; the request's summary says how many were
  kept for that reason. "All purposes" restricts every record of the person.
* Which restriction lifts what. `restriction_record` remembers which request restricted which
  record; lifting one request frees a record only if no other active restriction and no legal
  hold still covers it.
* Restricted data in exports. Restricted records never count as marketable (`is_marketable`) and
  must not go to third parties. The person's own portability copy *includes* them, flagged
  `"restricted": true`: giving people their own data at their request is not a use Art. 18(2)
  forbids, and leaving it out would make the copy silently incomplete.
* Identity. Everything except a marketing objection waits for the person's identity to be
  verified: a false rectification or export is a breach; a false objection to marketing only
  stops mail (Art. 21(3) makes that objection absolute, so it takes effect when filed).

Where things are:

* errors.py, parsing.py, views.py, texts.py: what the desk is told, what it types, what it shows,
  and the fixed texts of outcomes and notices.
* portability_format.py: the Art. 20 export's documented format.
* base.py (RequestCore): what every right shares; lifecycle.py: filing, queue, state machine,
  completion; rectification.py, restriction.py, objection.py (and consent withdrawal),
  portability.py: one right each; service.py puts them together as RequestService.
* The transaction itself (actor check, row lock and version, history, access log, letters) is
  desktop.services.unit_of_work, shared with the erasure service.
"""

from __future__ import annotations

from desktop.services.requests.errors import ConcurrentChange, DuplicateRequest
from desktop.services.requests.parsing import parse_channel, parse_request_type
from desktop.services.requests.portability_format import PORTABILITY_FORMAT, portability_schema
from desktop.services.requests.service import RequestService
from desktop.services.requests.texts import RECTIFIABLE_FIELDS
from desktop.services.requests.views import (
    ChangeView,
    EventView,
    ExtensionResult,
    LetterView,
    NotificationView,
    QueueCounts,
    QueueRow,
    RecipientView,
    RequestView,
)
from desktop.services.unit_of_work import reference

__all__ = [
    "PORTABILITY_FORMAT",
    "RECTIFIABLE_FIELDS",
    "ChangeView",
    "ConcurrentChange",
    "DuplicateRequest",
    "EventView",
    "ExtensionResult",
    "LetterView",
    "NotificationView",
    "QueueCounts",
    "QueueRow",
    "RecipientView",
    "RequestService",
    "RequestView",
    "parse_channel",
    "parse_request_type",
    "portability_schema",
    "reference",
]

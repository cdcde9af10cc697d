"""Erasure with four eyes (GDPR Art. 17-19): plan, approve or reject, execute, prove it is gone.

An agent makes the plan (`make_plan`): every record of the person with its decision from
`domain.erasure`, stored with a fingerprint of the decisions and of every record's values. A
supervisor who did not file the request approves or rejects it after re-entering the password;
the approval names that fingerprint, and is refused if the data has changed since (the
fingerprint is recomputed from the database). `execute` then does everything in one transaction:
deletes what goes, restricts what a law keeps (until the hold ends), blanks the parts of the
person's row no hold needs, writes the Art. 19 notices and the completion letter, removes the
erased values from the request's own texts, and closes the request. A crash anywhere leaves the
database as it was before or as it is after.

On SQLite the erased values can outlive the transaction in two places: the WAL file, and pages
of the main file not yet written back. `secure_delete` is on (storage.database), so after the
commit a TRUNCATE checkpoint moves the zeroed pages into the main file and empties the WAL; then
the raw bytes of both files are scanned for the values captured before deletion. Only a clean
scan makes the run "done"; while another reader holds the WAL it stays "purge pending" and
`complete_pending_purges` finishes later. The captured values wait for that scan encrypted in
`erasure_run.purge_markers` (so a purge interrupted by a crash can still be proven), and are
dropped when it is clean.

Where things are: facts.py loads the records (SQL), apply.py carries out the decisions,
residue.py proves the bytes are gone (SQLite file forensics), service.py is the four-eyes
service, retention_batch.py is what the retention job shares; errors.py and views.py are what
callers are told. The transaction is desktop.services.unit_of_work, shared with the requests.
"""

from __future__ import annotations

from desktop.services.erasure.apply import Applied
from desktop.services.erasure.errors import ErasureForbidden, ErasureRefused
from desktop.services.erasure.facts import DELETE_ORDER, retention_rules
from desktop.services.erasure.residue import CHECKPOINT_TIMEOUT_MS, ResidueScan, checkpoint_truncate
from desktop.services.erasure.retention_batch import process_people
from desktop.services.erasure.service import STEPS, ErasureService, no_step_hook
from desktop.services.erasure.views import (
    ApprovalQueueRow,
    ApprovalView,
    ErasureResult,
    ErasureStatus,
    PlanLineView,
    PlanView,
    PurposeSectionView,
)

__all__ = [
    "CHECKPOINT_TIMEOUT_MS",
    "DELETE_ORDER",
    "STEPS",
    "Applied",
    "ApprovalQueueRow",
    "ApprovalView",
    "ErasureForbidden",
    "ErasureRefused",
    "ErasureResult",
    "ErasureService",
    "ErasureStatus",
    "PlanLineView",
    "PlanView",
    "PurposeSectionView",
    "ResidueScan",
    "checkpoint_truncate",
    "no_step_hook",
    "process_people",
    "retention_rules",
]

"""The checkpoint and workstation-anchor scenarios, run on SQLite (tests/unit) and PostgreSQL (tests/pg).

Each scenario takes an open desk and asserts; the engine-specific test files only supply the desk.
"""

from __future__ import annotations

from desktop.audit.anchor import Extends
from desktop.audit.checkpoint import Checkpoint
from desktop.services.context import DeskContext
from desktop.services.log_anchor import LogAnchorService
from tests.helpers.log_attacks import add_entries, chain_ok, cut_tail, rewrite_with_key, wipe


def _checkpoint(ctx: DeskContext) -> Checkpoint:
    add_entries(ctx, 5)
    service = LogAnchorService(ctx)
    cp = service.make_checkpoint(new_key=True)
    # It travels as text, the way the auditor keeps it.
    return Checkpoint.from_text(cp.to_text())


def extends_after_more_work(ctx: DeskContext) -> None:
    cp = _checkpoint(ctx)
    add_entries(ctx, 3)
    verdict = LogAnchorService(ctx).verify_checkpoint(cp)
    assert verdict.ok, verdict.text("en")
    assert verdict.tip is not None and verdict.tip.seq == cp.anchor.seq + 3
    assert LogAnchorService(ctx).check_workstation().ok


def tail_cut_is_caught(ctx: DeskContext) -> None:
    cp = _checkpoint(ctx)
    add_entries(ctx, 2)
    assert LogAnchorService(ctx).check_workstation().ok  # the workstation has now seen cp.seq + 2
    cut_tail(ctx, keep=cp.anchor.seq - 2)
    assert chain_ok(ctx), "the cut must pass the chain check alone, or the test proves nothing"
    verdict = LogAnchorService(ctx).verify_checkpoint(cp)
    assert not verdict.ok
    assert f"entry {cp.anchor.seq} is missing" in verdict.text("en")
    status = LogAnchorService(ctx).check_workstation()
    assert status.problem is Extends.SHORTER
    assert "shorter" in status.text("en") and "kortere" in status.text("nb") and "kortare" in status.text("sv")
    # The warning stays: a later check does not move the mark back onto the cut log.
    assert LogAnchorService(ctx).check_workstation().problem is Extends.SHORTER


def tail_cut_then_regrown_is_caught(ctx: DeskContext) -> None:
    """Cut, then enough new entries to reach the old length: the numbers exist again, the hashes differ."""
    cp = _checkpoint(ctx)
    cut_tail(ctx, keep=2)
    add_entries(ctx, cp.anchor.seq)
    assert chain_ok(ctx)
    verdict = LogAnchorService(ctx).verify_checkpoint(cp)
    assert not verdict.ok and "another hash" in verdict.text("en")
    assert LogAnchorService(ctx).check_workstation().problem is Extends.DIFFERENT


def wipe_is_caught(ctx: DeskContext) -> None:
    cp = _checkpoint(ctx)
    wipe(ctx)
    assert chain_ok(ctx)
    verdict = LogAnchorService(ctx).verify_checkpoint(cp)
    assert not verdict.ok and "missing (the log ends at 0)" in verdict.text("en")
    assert LogAnchorService(ctx).check_workstation().problem is Extends.SHORTER


def rewrite_is_caught(ctx: DeskContext) -> None:
    cp = _checkpoint(ctx)
    add_entries(ctx, 2)
    rewrite_with_key(ctx, drop_seq=3)
    assert chain_ok(ctx), "the rewrite must pass the chain check alone"
    verdict = LogAnchorService(ctx).verify_checkpoint(cp)
    assert not verdict.ok and "rewritten" in verdict.text("en") and "skrevet om" in verdict.text("nb")
    assert LogAnchorService(ctx).check_workstation().problem is Extends.DIFFERENT


def altered_checkpoint_is_refused(ctx: DeskContext) -> None:
    """Someone lowers the checkpoint's number to hide a cut: the signature no longer matches."""
    cp = _checkpoint(ctx)
    text = cp.to_text().replace(f'"seq": {cp.anchor.seq}', '"seq": 1')
    with ctx.db.transaction() as s:
        from sqlalchemy import text as sql

        first = s.execute(sql("SELECT entry_hash FROM access_log WHERE seq = 1")).scalar_one()
    forged = Checkpoint.from_text(text.replace(cp.anchor.entry_hash, first))
    verdict = LogAnchorService(ctx).verify_checkpoint(forged)
    assert not verdict.ok and "signature does not match" in verdict.text("en")

"""Anchors outside the database on the real PostgreSQL server: a superuser (or anyone with the owner's
rights and the chain key) cuts, wipes or rewrites the log past its triggers; checkpoints and the
workstation's anchor catch each one. Every test has its own scratch database."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import main
from tests.helpers import anchor_cases
from tests.helpers.log_attacks import add_entries, chain_ok, cut_tail


@pytest.mark.parametrize("case", [
    "extends_after_more_work", "tail_cut_is_caught", "tail_cut_then_regrown_is_caught", "wipe_is_caught",
    "rewrite_is_caught", "altered_checkpoint_is_refused",
])
def test_checkpoint_scenarios_on_postgresql(pg_desk, case: str) -> None:  # type: ignore[no-untyped-def]
    getattr(anchor_cases, case)(pg_desk)


def test_cli_catches_a_cut_on_postgresql(pg_desk, pg_url: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    add_entries(pg_desk, 4)
    out = tmp_path / "checkpoint.json"
    assert main(["audit", "checkpoint", "--db", pg_url, "--new-key", "--out", str(out)]) == 0
    assert main(["audit", "verify", "--db", pg_url, "--checkpoint", str(out)]) == 0
    cut_tail(pg_desk, keep=1)
    assert chain_ok(pg_desk)
    assert main(["audit", "verify", "--db", pg_url, "--checkpoint", str(out)]) == 3
    captured = capsys.readouterr()
    assert "does NOT extend" in captured.out and "is missing" in captured.out

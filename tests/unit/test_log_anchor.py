"""Anchors outside the database on SQLite: checkpoints, the workstation's file, and the CLI."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import keyring
import pytest
from sqlalchemy import select

from desktop.audit.anchor import Anchor, AnchorFile
from desktop.audit.checkpoint import Checkpoint, CheckpointKey, MalformedCheckpoint
from desktop.cli import main
from desktop.errors import DeskError, PermissionDenied
from desktop.models import AccessLogEntry
from desktop.security.checkpoint_key import checkpoint_keyring_entry
from desktop.security.keys import SERVICE
from desktop.services.accounts import AccountService
from desktop.services.log_anchor import LogAnchorService, anchor_folder
from tests.helpers import anchor_cases
from tests.helpers.log_attacks import add_entries, cut_tail, rewrite_with_key


@pytest.mark.parametrize("case", [
    "extends_after_more_work", "tail_cut_is_caught", "tail_cut_then_regrown_is_caught", "wipe_is_caught",
    "rewrite_is_caught", "altered_checkpoint_is_refused",
])
def test_checkpoint_scenarios_on_sqlite(desk, case: str) -> None:  # type: ignore[no-untyped-def]
    getattr(anchor_cases, case)(desk)


def test_first_checkpoint_needs_new_key_and_a_foreign_key_is_refused(desk) -> None:  # type: ignore[no-untyped-def]
    service = LogAnchorService(desk)
    with pytest.raises(DeskError, match="no checkpoint key yet"):
        service.make_checkpoint()
    first = service.make_checkpoint(new_key=True)
    second = service.make_checkpoint()
    assert second.key_id == first.key_id and second.anchor.seq > first.anchor.seq
    # Another workstation (a keyring without the private key) cannot sign for this database.
    keyring.delete_password(SERVICE, checkpoint_keyring_entry(desk.instance_id))
    with pytest.raises(DeskError, match="does not hold the database's checkpoint key"):
        service.make_checkpoint()
    # A new key signs from now on; the old checkpoint still verifies with the old public key.
    third = service.make_checkpoint(new_key=True)
    assert third.key_id != first.key_id
    assert service.verify_checkpoint(first).ok and service.verify_checkpoint(third).ok
    with desk.db.transaction() as s:
        actions = s.execute(select(AccessLogEntry.action).order_by(AccessLogEntry.seq)).scalars().all()
    assert actions.count("checkpoint_key") == 2 and actions.count("log_checkpoint") == 3


def test_checkpoint_of_another_database_and_unknown_key(desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cp = LogAnchorService(desk).make_checkpoint(new_key=True)
    other = Checkpoint(instance_id="someone-else", anchor=cp.anchor, at=cp.at, key_id=cp.key_id,
                       signature=cp.signature)
    with pytest.raises(DeskError, match="belongs to database someone-else"):
        LogAnchorService(desk).verify_checkpoint(other)
    stranger = Checkpoint.make(desk.instance_id, cp.anchor, CheckpointKey.generate())
    verdict = LogAnchorService(desk).verify_checkpoint(stranger)
    assert not verdict.ok and "does not hold the public key" in verdict.text("en")


def test_checkpoint_text_is_parsed_strictly() -> None:
    key = CheckpointKey.generate()
    cp = Checkpoint.make("abc", Anchor(7, "a" * 64), key)
    assert Checkpoint.from_text(cp.to_text()).signed_by(key)
    for bad in ("", "[]", "{", json.dumps({"format": "x"}), cp.to_text().replace('"seq": 7', '"seq": -1'),
                cp.to_text().replace('"seq": 7', '"seq": "7"'), cp.to_text().replace("a" * 64, "A" * 64),
                cp.to_text().replace('"signature"', '"sig"'), "x" * 20000):
        with pytest.raises(MalformedCheckpoint):
            Checkpoint.from_text(bad)


def test_anchor_file_is_private_and_only_moves_forward(tmp_path: Path) -> None:
    f = AnchorFile(tmp_path / "anchors", "inst-1")
    assert f.load() is None
    assert f.advance(Anchor(5, "b" * 64))
    assert not f.advance(Anchor(4, "c" * 64))
    assert f.load() == Anchor(5, "b" * 64)
    assert stat.S_IMODE(os.stat(f.path).st_mode) == 0o600
    f.path.write_text("not json", encoding="utf-8")
    assert f.load() is None  # damaged: starts over rather than crash
    with pytest.raises(ValueError):
        AnchorFile(tmp_path, "../escape")


def test_accept_current_is_for_admins_and_logged(desk) -> None:  # type: ignore[no-untyped-def]
    add_entries(desk, 6)
    service = LogAnchorService(desk)
    assert service.check_workstation().ok
    cut_tail(desk, keep=3)
    assert not service.check_workstation().ok
    agent = AccountService(desk).login("agent", "demo")
    with pytest.raises(PermissionDenied):
        service.accept_current(agent)
    admin = AccountService(desk).login("admin", "demo")
    before = service.accept_current(admin)
    assert before.remembered is not None and before.remembered.seq > 3
    assert service.check_workstation().ok
    with desk.db.transaction() as s:
        last = s.execute(select(AccessLogEntry).order_by(AccessLogEntry.seq.desc()).limit(1)).scalar_one()
    assert last.action == "log_anchor_reset" and f"had entry {before.remembered.seq}" in (last.detail or "")


def test_opening_a_desk_remembers_the_tip_in_the_data_folder(desk) -> None:  # type: ignore[no-untyped-def]
    add_entries(desk, 2)
    LogAnchorService(desk).check_workstation()
    path = anchor_folder() / f"{desk.instance_id}.json"
    assert json.loads(path.read_text(encoding="utf-8"))["seq"] >= 2


# --- the CLI ---------------------------------------------------------------------------------------

def _url(desk) -> str:  # type: ignore[no-untyped-def]
    return str(desk.db.url)


def test_cli_checkpoint_and_verify_catch_a_cut(desk, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    add_entries(desk, 5)
    out = tmp_path / "cp.json"
    assert main(["audit", "checkpoint", "--db", _url(desk)]) == 1
    assert "--new-key" in capsys.readouterr().err
    assert main(["audit", "checkpoint", "--db", _url(desk), "--new-key", "--out", str(out)]) == 0
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    assert main(["audit", "checkpoint", "--db", _url(desk), "--out", str(out)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["audit", "verify", "--db", _url(desk), "--checkpoint", str(out)]) == 0
    assert "extends the checkpoint" in capsys.readouterr().out
    cut_tail(desk, keep=2)
    rc = main(["audit", "verify", "--db", _url(desk), "--checkpoint", str(out)])
    captured = capsys.readouterr()
    assert rc == 3 and "does NOT extend" in captured.out and "is missing" in captured.out
    assert "shorter than this workstation has seen" in captured.err
    # Without the checkpoint, the workstation's own anchor still fails the plain verify.
    assert main(["audit", "verify", "--db", _url(desk)]) == 3
    captured = capsys.readouterr()
    assert "intact" in captured.out and "WARNING" in captured.err
    assert captured.err.count("WARNING") == 1


def test_cli_anchor_and_accept(desk, tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    add_entries(desk, 4)
    assert main(["audit", "anchor", "--db", _url(desk)]) == 0
    rewrite_with_key(desk, drop_seq=2)
    add_entries(desk, 2)  # back past the old length, so the numbers are there with other hashes
    assert main(["audit", "anchor", "--db", _url(desk)]) == 3
    assert "has changed" in capsys.readouterr().out
    assert main(["audit", "anchor", "--db", _url(desk), "--accept"]) == 1
    monkeypatch.setenv("GDPR_DESK_PASSWORD", "demo")
    assert main(["audit", "anchor", "--db", _url(desk), "--accept", "--agent", "admin"]) == 0
    assert main(["audit", "anchor", "--db", _url(desk)]) == 0


def test_cli_rejects_bad_checkpoint_files(desk, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    junk = tmp_path / "junk.json"
    junk.write_bytes(b"\xff\xfe not text")
    assert main(["audit", "verify", "--db", _url(desk), "--checkpoint", str(junk)]) == 1
    assert "not UTF-8" in capsys.readouterr().err
    assert main(["audit", "verify", "--db", _url(desk), "--checkpoint", str(tmp_path / "missing")]) == 1
    assert "cannot be read" in capsys.readouterr().err
    assert main(["audit", "verify", "--db", _url(desk), "--checkpoint", str(tmp_path)]) == 1
    assert "gdpr-desk:" in capsys.readouterr().err

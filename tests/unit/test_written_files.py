"""Files the desk wrote for a person: recorded when saved, listed and removed on erasure; and only a new
regular file is ever written unless replacing one was asked for."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop.cli import main
from desktop.errors import InvalidInput
from desktop.models import AccessLogEntry, WrittenFile
from desktop.services.register_copy import RegisterCopyService
from desktop.services.written_files import FileState, WrittenFileService, write_new_file
from tests.helpers.desks import login
from tests.unit.test_erasure import filed, services


def _save_copy(desk: Any, agent: Any, cid: int, path: Path) -> Path:
    service = RegisterCopyService(desk)
    data = service.collect(agent, cid)
    return service.save(agent, None, service.render(data, ()), path, customer_id=cid)


def test_only_a_new_regular_file_is_written(tmp_path: Path) -> None:
    target = tmp_path / "a.pdf"
    write_new_file(target, b"one")
    with pytest.raises(InvalidInput, match="already exists"):
        write_new_file(target, b"two")
    assert target.read_bytes() == b"one"
    write_new_file(target, b"two", replace=True)
    assert target.read_bytes() == b"two"
    link = tmp_path / "link.pdf"
    link.symlink_to(tmp_path / "elsewhere.pdf")
    for replace in (False, True):
        with pytest.raises(InvalidInput, match="symbolic link"):
            write_new_file(link, b"x", replace=replace)
    assert not (tmp_path / "elsewhere.pdf").exists()
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(InvalidInput, match="not a regular file"):
        write_new_file(fifo, b"x", replace=True)
    with pytest.raises(InvalidInput, match="not a regular file"):
        write_new_file(Path("/dev/null"), b"x", replace=True)
    with pytest.raises(InvalidInput, match="not a regular file"):
        write_new_file(tmp_path, b"x", replace=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf", "link.pdf", "pipe"]  # no temporary left


def test_cli_register_copy_refuses_existing_devices_and_links(desk, people, tmp_path: Path, capsys,  # type: ignore[no-untyped-def]
                                                             monkeypatch) -> None:
    monkeypatch.setenv("GDPR_DESK_PASSWORD", "demo")
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    db, cid = str(desk.db.sqlite_path), str(people["Nordmann"])
    out = tmp_path / "copy.pdf"
    out.write_bytes(b"keep me")
    before = _log_count(desk)
    assert main(["--db", db, "register-copy", cid, "--out", str(out), "--agent", "agent"]) == 1
    assert "already exists" in capsys.readouterr().err and out.read_bytes() == b"keep me"
    assert _log_count(desk) == before  # refused before anything was read or logged
    for bad in ("/dev/null", str(tmp_path)):
        assert main(["--db", db, "register-copy", cid, "--out", bad, "--agent", "agent", "--replace"]) == 1
        assert "not a regular file" in capsys.readouterr().err
    link = tmp_path / "link.pdf"
    link.symlink_to(out)
    assert main(["--db", db, "register-copy", cid, "--out", str(link), "--agent", "agent", "--replace"]) == 1
    assert "symbolic link" in capsys.readouterr().err and out.read_bytes() == b"keep me"
    assert main(["--db", db, "register-copy", cid, "--out", str(out), "--agent", "agent", "--replace",
                 "--reason", "The person asked for a copy at the counter", "--waive-review"]) == 0
    assert out.read_bytes().startswith(b"%PDF")


def _log_count(desk: Any) -> int:
    with desk.db.transaction() as s:
        return len(s.execute(select(AccessLogEntry.seq)).all())


def test_saved_copies_are_listed_and_removed_after_erasure(desk, people, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    agent = login(desk, "agent")
    cid = people["Nordmann"]
    kept = _save_copy(desk, agent, cid, tmp_path / "kept.pdf")
    changed = _save_copy(desk, agent, cid, tmp_path / "changed.pdf")
    gone = _save_copy(desk, agent, cid, tmp_path / "gone.pdf")
    other = _save_copy(desk, agent, people["Sæther"], tmp_path / "other.pdf")
    changed.write_bytes(b"someone else's file now")
    gone.unlink()
    with desk.db.transaction() as s:
        s.add(WrittenFile(customer_id=cid, request_id=None, kind="portability_export", path="/elsewhere/x.zip",
                          workstation="another-ws", sha256="0" * 64, size=1, written_by=None,
                          written_at=datetime(2026, 1, 1)))
    files = WrittenFileService(desk)
    listed = {Path(f.path).name: f.state for f in files.open_files(agent, cid)}
    assert listed == {"kept.pdf": FileState.PRESENT, "changed.pdf": FileState.CHANGED,
                      "gone.pdf": FileState.MISSING, "x.zip": FileState.ELSEWHERE}
    report = files.remove(agent, [f.id for f in files.open_files(agent, cid)])
    assert [Path(p).name for p in report.removed] == ["kept.pdf"] and not kept.exists()
    assert changed.read_bytes() == b"someone else's file now"  # never deleted
    assert {Path(f.path).name for f in report.left} == {"changed.pdf", "x.zip"}
    assert other.exists()  # another person's file is not touched
    left = files.open_files(agent, cid)
    assert {Path(f.path).name for f in left} == {"changed.pdf", "x.zip"}
    files.remove(agent, [f.id for f in left if f.state == FileState.ELSEWHERE], handled_elsewhere=True)
    with desk.db.transaction() as s:
        handled = s.execute(select(WrittenFile).where(WrittenFile.handled_at.is_not(None))).scalars().all()
        actions = s.execute(select(AccessLogEntry.action)).scalars().all()
    assert {h.outcome for h in handled} == {"removed", "missing", "elsewhere"}
    assert all(h.path == "" for h in handled)  # the file names go too
    assert "files_removed" in actions and "files_listed" in actions


def test_cli_erasure_lists_and_removes_the_files(desk, people, tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("GDPR_DESK_PASSWORD", "demo")
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    monkeypatch.delenv("GDPR_DESK_LANG", raising=False)
    import desktop.services.context as context

    monkeypatch.setattr(context, "workstation_name", lambda: desk.workstation)  # the same machine as the desk
    agent = login(desk, "agent")
    cid = people["Åsen"]
    saved = _save_copy(desk, agent, cid, tmp_path / "copy.pdf")
    from desktop.audit.log import utcnow

    rid = filed(desk, agent, cid, now=utcnow())
    _, erasure = services(desk, utcnow())
    erasure.approve(login(desk, "supervisor"), rid, "demo", erasure.get_plan(agent, rid).fingerprint)
    rc = main(["--db", str(desk.db.sqlite_path), "erasure", "execute", str(rid), "--agent", "agent",
               "--remove-files", "--yes"])
    err = capsys.readouterr().err
    assert rc == 0, err
    assert "1 file(s) the desk saved" in err and "copy.pdf" in err and "1 file(s) removed" in err
    assert not saved.exists()


def test_an_export_is_written_recorded_and_logged(desk, people, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    agent = login(desk, "agent")
    files = WrittenFileService(desk)
    target = tmp_path / "data-export.zip"
    files.save(agent, kind="portability_export", path=target, data=b"PK\x03\x04 zip", request_id=None,
               customer_id=people["Sæther"])
    assert target.read_bytes() == b"PK\x03\x04 zip" and (target.stat().st_mode & 0o777) == 0o600
    with pytest.raises(InvalidInput, match="already exists"):
        files.save(agent, kind="portability_export", path=target, data=b"other", request_id=None,
                   customer_id=people["Sæther"])
    assert target.read_bytes() == b"PK\x03\x04 zip"
    listed = files.open_files(agent, people["Sæther"])
    assert [(f.kind, Path(f.path).name, f.state) for f in listed] == [
        ("portability_export", "data-export.zip", FileState.PRESENT)]
    with desk.db.transaction() as s:
        actions = s.execute(select(AccessLogEntry.action)).scalars().all()
    assert actions.count("file_saved") == 1

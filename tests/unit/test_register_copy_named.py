"""The register copy names recipients by the companies the shop's systems file gives (Art. 15(1)(c),
CJEU C-154/21), through the composed desk and the command line; category only without a file."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest

from desktop.bootstrap import build_services
from desktop.services.register_copy import RegisterCopyService
from desktop.settings import SOURCES_FILE, MemoryBackend
from tests.unit.test_register_copy import TODAY, flat, pages
from tests.unit.test_register_copy_art15 import finished_person

AD_AGENCY = "Fjordreklame Æsøy AS"
SYSTEMS = f"""
[[systems]]
name = "{AD_AGENCY}"
kind = "manual"
recipient = "marketing"
privacy_contact = "personvern@fjordreklame.example"
"""


def systems_file(tmp_path: Path, text: str = SYSTEMS) -> Path:
    path = tmp_path / "systems.toml"
    path.write_text(text, encoding="utf-8")
    return path


def named_by_category(service: RegisterCopyService, agent: Any, cid: int) -> tuple[dict[str, tuple[str, ...]], str]:
    data = service.collect(agent, cid, lang="nb", today=TODAY)
    whole = flat("\n".join(pages(service.render(data, data.redactions))))
    return {r.name: r.named for r in data.recipients}, whole


def composed(desk: Any, settings: MemoryBackend) -> RegisterCopyService:
    return build_services(desk, lambda: settings, lang="nb").register_copy


def test_the_systems_file_in_the_settings_names_the_company(desk: Any, agent: Any, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GDPR_DESK_SOURCES", raising=False)
    cid = finished_person(desk)
    settings = MemoryBackend({SOURCES_FILE.key: str(systems_file(tmp_path))})
    named, whole = named_by_category(composed(desk, settings), agent, cid)
    assert named["Markedsføring"] == (AD_AGENCY,)
    assert named["IT-tjenester"] == ()
    assert f"Navngitt {AD_AGENCY}" in whole


def test_without_a_file_the_copy_lists_categories_only(desk: Any, agent: Any, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GDPR_DESK_SOURCES", raising=False)
    cid = finished_person(desk)
    named, whole = named_by_category(composed(desk, MemoryBackend()), agent, cid)
    assert named["Markedsføring"] == () and AD_AGENCY not in whole
    # The environment variable the sources command reads is the fallback.
    monkeypatch.setenv("GDPR_DESK_SOURCES", str(systems_file(tmp_path)))
    named, _ = named_by_category(composed(desk, MemoryBackend()), agent, cid)
    assert named["Markedsføring"] == (AD_AGENCY,)


@pytest.mark.parametrize("problem", ["missing", "unknown recipient", "not TOML"])
def test_a_bad_systems_file_is_logged_and_the_desk_goes_on(desk: Any, agent: Any, tmp_path: Path, problem: str,
                                                         caplog: pytest.LogCaptureFixture,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GDPR_DESK_SOURCES", raising=False)
    cid = finished_person(desk)
    path = {"missing": tmp_path / "nowhere.toml",
            "unknown recipient": systems_file(tmp_path, SYSTEMS.replace('"marketing"', '"reklamebyraa"')),
            "not TOML": systems_file(tmp_path, "[[systems]\nname = ")}[problem]
    with caplog.at_level(logging.WARNING, logger="desktop"):
        service = composed(desk, MemoryBackend({SOURCES_FILE.key: str(path)}))
    lines = [r for r in caplog.records if "systems file" in r.getMessage()]
    assert len(lines) == 1 and str(path) in lines[0].getMessage() and "Jon" not in lines[0].getMessage()
    named, whole = named_by_category(service, agent, cid)
    assert named["Markedsføring"] == () and AD_AGENCY not in whole


def test_the_callers_list_wins_over_the_services(desk: Any, agent: Any) -> None:
    from desktop.services.register_copy_parts import NamedRecipient

    cid = finished_person(desk)
    service = RegisterCopyService(desk, named_recipients=[NamedRecipient(AD_AGENCY, "marketing")])
    data = service.collect(agent, cid, lang="nb", today=TODAY, named_recipients=[NamedRecipient("Drift AS",
                                                                                                "it_services")])
    named = {r.name: r.named for r in data.recipients}
    assert named["Markedsføring"] == () and named["IT-tjenester"] == ("Drift AS",)


def test_the_cli_names_the_company_from_sources(desk: Any, agent: Any, capsys: Any, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.cli import main

    cid = finished_person(desk)
    monkeypatch.setenv("GDPR_DESK_PASSWORD", "demo")
    monkeypatch.setenv("LANG", "nb_NO.UTF-8")
    monkeypatch.delenv("GDPR_DESK_SOURCES", raising=False)
    out = tmp_path / "copy.pdf"
    base = ["--db", str(desk.db.sqlite_path), "register-copy", str(cid), "--out", str(out), "--agent", "agent",
            "--reason", "Kunden i butikken", "--waive-review", "--no-encrypt"]
    bad = systems_file(tmp_path, SYSTEMS.replace('"marketing"', '"reklamebyraa"'))
    assert main([*base, "--sources", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "reklamebyraa" in err and "Traceback" not in err and not out.exists()
    assert main([*base, "--sources", str(systems_file(tmp_path))]) == 0
    capsys.readouterr()
    assert AD_AGENCY in flat("\n".join(pages(out.read_bytes())))
    # Without --sources: the shipped example, which names no company for marketing.
    assert main([*base, "--replace"]) == 0
    assert AD_AGENCY not in flat("\n".join(pages(out.read_bytes())))
